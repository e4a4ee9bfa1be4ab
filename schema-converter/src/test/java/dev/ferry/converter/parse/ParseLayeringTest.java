package dev.ferry.converter.parse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ANTLR types never leak out of the parsers: the AST is free of them and public facade methods do not expose them. */
class ParseLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferry.converter");

    @Test
    void astDoesNotDependOnAntlrOrGeneratedParsers() {
        noClasses().that().resideInAPackage("dev.ferry.converter.ast..")
                .should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "dev.ferry.grammar..")
                .check(CLASSES);
    }

    @Test
    void publicFacadeMethodsDoNotReturnParseTrees() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.ferry.converter.parse..")
                .should().haveRawReturnType(JavaClass.Predicates.assignableTo(org.antlr.v4.runtime.tree.ParseTree.class))
                .check(CLASSES);
    }

    @Test
    void parsersDoNotDependOnUiOrCli() {
        noClasses().that().resideInAPackage("dev.ferry.converter..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
                .check(CLASSES);
    }
}
