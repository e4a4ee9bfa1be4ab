package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared MySQL pipeline: registration, type mapping rules, deploy order, offline honesty. */
class ToMySqlConverterTest {

    @Test
    void everyDirectionIntoMySqlIsRegisteredWithItsVerifier() {
        for (Engine source : Engine.values()) {
            assertThat(Directions.converter(source, Engine.MYSQL)).as(source + " → MySQL").isPresent();
        }
        assertThat(Directions.verifier(Engine.MYSQL)).get().isInstanceOf(MySqlTargetVerifier.class);
    }

    @Test
    void aTypeMappingRuleDecidesTheColumnTypeAndIsReported() {
        TypeMappingRule rule = new TypeMappingRule(TypeMappingRule.Scope.COLUMN, "public", "orders", "total", "numeric",
                null, null, null, "decimal(14,4)", List.of());
        ConversionResult r = new PostgresToMySqlConverter().convert(new ConversionRequest(GoldenModels.postgres(), "shop", List.of(rule), null));
        ConvertedObject orders = r.object("TABLE:shop.orders").orElseThrow();
        assertThat(orders.convertedSql()).contains("total decimal(14,4) NULL");
        assertThat(orders.actionItems()).anyMatch(i -> i.code().equals("TO-MY-0112") && i.message().contains("decimal(14,4)"));
        assertThat(orders.actionItems()).noneMatch(i -> i.code().equals("TO-MY-0103"));
    }

    @Test
    void deployOrderPutsTablesFirstAndForeignKeysAfterTheirTables() {
        ConversionResult r = new PostgresToMySqlConverter().convert(ConversionRequest.of(GoldenModels.postgres()));
        List<String> order = r.deployOrder();
        assertThat(order.get(0)).isEqualTo("SCHEMA:public");
        assertThat(order.indexOf("FOREIGN_KEY:public.orders_customer_id_fkey"))
                .isGreaterThan(order.indexOf("TABLE:public.customers")).isGreaterThan(order.indexOf("TABLE:public.orders"));
        assertThat(order.indexOf("VIEW:public.customer_totals")).isGreaterThan(order.indexOf("TABLE:public.orders"));
        // nothing is AUTO before verification, and unconverted objects stay MANUAL after a re-parse
        assertThat(r.objects()).allMatch(o -> o.status() == ObjectStatus.MANUAL && !o.verified());
        ConversionResult reparsed = new MySqlTargetVerifier().reparse(r);
        assertThat(reparsed.object("TABLE:public.customers").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
        assertThat(reparsed.object("VIEW:public.latest_order").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
    }

    @Test
    void aTableWithAnUnmappableTypeIsNotConvertedAndSaysWhy() {
        ConversionResult r = new PostgresToMySqlConverter().convert(ConversionRequest.of(GoldenModels.postgres()));
        ConvertedObject t = r.objects().stream().filter(o -> o.type().equals("TABLE") && o.name().startsWith("a_table_whose")).findFirst().orElseThrow();
        assertThat(t.name()).hasSize(64);
        assertThat(t.converted()).isFalse();
        assertThat(t.actionItems()).anyMatch(i -> i.code().equals("TO-MY-0109") && i.message().contains("point"));
    }
}
