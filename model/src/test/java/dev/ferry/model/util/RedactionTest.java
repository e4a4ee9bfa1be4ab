package dev.ferry.model.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://app:s3cr3t@db:5432/sales|jdbc:postgresql://app:*****@db:5432/sales",
            "postgresql://app:s3cr3t@db/sales?sslmode=require|postgresql://app:*****@db/sales?sslmode=require",
            "jdbc:mysql://db:3306/x?user=root&password=s3cr3t&useSSL=false|jdbc:mysql://db:3306/x?user=root&password=*****&useSSL=false",
            "jdbc:oracle:thin:scott/tiger@//db:1521/ORCL|jdbc:oracle:thin:scott/*****@//db:1521/ORCL",
            "host=db user=app password='s 3cr3t' dbname=x|host=db user=app password=***** dbname=x",
            "jdbc:postgresql://db:5432/sales|jdbc:postgresql://db:5432/sales",
            "Access denied for user 'root'@'h' (using password: YES)|Access denied for user 'root'@'h' (using password: YES)",
            "x?password=YESs3cr3t&a=b|x?password=*****&a=b",
    })
    void removesSecrets(String in, String expected) {
        assertThat(Redaction.redact(in)).isEqualTo(expected).doesNotContain("s3cr3t").doesNotContain("tiger");
    }

    @org.junit.jupiter.api.Test
    void masksAKnownSecretAnywhere() {
        assertThat(Redaction.redact("FATAL: password authentication failed, tried hunter22", "hunter22".toCharArray()))
                .isEqualTo("FATAL: password authentication failed, tried *****");
    }
}
