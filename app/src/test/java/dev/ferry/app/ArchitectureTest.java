package dev.ferry.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.ferry.converter.archfixture.ConverterThing;
import dev.ferry.converter.parse.archfixture.ParserFacade;
import dev.ferry.engine.archfixture.EngineUsesConverter;
import dev.ferry.engine.archfixture.EngineUsesGrammar;
import dev.ferry.engine.archfixture.EngineUsesJavaFx;
import dev.ferry.grammar.archfixture.FakeGeneratedParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layering rules over Ferry's production classes (all modules on app's classpath): app → engine / converter → model;
 * engine and converter are siblings; generated ANTLR code is reached only through the parser facades; only app uses
 * JavaFX and picocli. The meta-tests at the end prove each rule reports a violation on a deliberately bad class (test
 * fixtures under {@code ..archfixture}, which the production import excludes).
 */
class ArchitectureTest {

    static final ArchRule CORE_IS_UI_FREE = noClasses()
            .that().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.converter..", "dev.ferry.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
            .because("engine, converter and model run headless (CLI, tests, servers); GUI and CLI code lives in app")
            .allowEmptyShould(true);

    static final ArchRule ONLY_APP_USES_UI = noClasses()
            .that().resideOutsideOfPackage("dev.ferry.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
            .because("the workbench (JavaFX) and the command line (picocli) are the app module's job alone")
            .allowEmptyShould(true);

    static final ArchRule GRAMMAR_ONLY_VIA_PARSER_FACADES = classes()
            .that().resideInAPackage("dev.ferry.grammar..")
            .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dev.ferry.grammar..", "dev.ferry.converter..parse..")
            .because("generated ANTLR classes change with every grammar edit; the parser facades in converter..parse.. "
                    + "turn parse trees into stable types for everyone else")
            .allowEmptyShould(true);

    static final ArchRule ENGINE_DOES_NOT_USE_CONVERTER = noClasses()
            .that().resideInAPackage("dev.ferry.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.ferry.converter..")
            .because("engine and converter are siblings that meet only in app, through the model")
            .allowEmptyShould(true);

    static final ArchRule CONVERTER_DOES_NOT_USE_ENGINE = noClasses()
            .that().resideInAPackage("dev.ferry.converter..")
            .should().dependOnClassesThat().resideInAPackage("dev.ferry.engine..")
            .because("engine and converter are siblings that meet only in app, through the model")
            .allowEmptyShould(true);

    static final ArchRule MODEL_DEPENDS_ON_NOTHING_ABOVE = noClasses()
            .that().resideInAPackage("dev.ferry.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.converter..",
                    "dev.ferry.app..", "dev.ferry.grammar..")
            .because("the neutral model is the bottom layer every module shares")
            .allowEmptyShould(true);

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ferry");
    }

    @Test
    void theImportSeesProductionClassesButNoFixtures() {
        assertThat(production.contain(Main.class)).isTrue();
        assertThat(production.contain(dev.ferry.model.project.ProjectFiles.class)).isTrue();
        assertThat(production.stream().map(c -> c.getPackageName())).noneMatch(p -> p.contains("archfixture"));
    }

    @Test
    void engineConverterAndModelDoNotUseJavaFxOrPicocli() {
        CORE_IS_UI_FREE.check(production);
    }

    /** The cutover and validation steps that {@code ferry cutover} and the workbench share, with what they use. */
    static final ArchRule SHARED_CUTOVER_IS_UI_FREE = noClasses()
            .that().haveNameMatching("dev\\.ferry\\.app\\.cli\\.(CutoverSequence|TaskValidations|MigrationContext|CdcRunner"
                    + "|CutoverState|CutoverActions|SqlCutoverActions|MigrateSchemaStep|DeployAroundLoad|MigrationReport|CdcStatusFile"
                    + "|EndpointArgument)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
            .because("the cutover sequence runs under both the command line and the workbench")
            .allowEmptyShould(false);

    @Test
    void theCutoverSequenceSharedByCliAndWorkbenchUsesNeitherJavaFxNorPicocli() {
        SHARED_CUTOVER_IS_UI_FREE.check(production);
    }

    @Test
    void onlyAppUsesJavaFxOrPicocli() {
        ONLY_APP_USES_UI.check(production);
    }

    @Test
    void generatedParsersAreUsedOnlyByParserFacades() {
        GRAMMAR_ONLY_VIA_PARSER_FACADES.check(production);
    }

    @Test
    void engineAndConverterAreIndependentSiblings() {
        ENGINE_DOES_NOT_USE_CONVERTER.check(production);
        CONVERTER_DOES_NOT_USE_ENGINE.check(production);
    }

    @Test
    void modelIsTheBottomLayer() {
        MODEL_DEPENDS_ON_NOTHING_ABOVE.check(production);
    }

    // ------------------------------------------------------------------------------------ meta-tests: the rules bite

    private static JavaClasses fixtures(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    @Test
    void uiRuleFlagsEngineCodeThatImportsJavaFx() {
        EvaluationResult result = CORE_IS_UI_FREE.evaluate(fixtures(EngineUsesJavaFx.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("EngineUsesJavaFx") && d.contains("javafx.scene.Node"));
        assertThat(ONLY_APP_USES_UI.evaluate(fixtures(EngineUsesJavaFx.class)).hasViolation()).isTrue();
        assertThat(ONLY_APP_USES_UI.evaluate(fixtures(Main.class)).hasViolation()).isFalse();
    }

    @Test
    void siblingRuleFlagsEngineCodeThatUsesTheConverter() {
        assertThat(ENGINE_DOES_NOT_USE_CONVERTER.evaluate(fixtures(EngineUsesConverter.class, ConverterThing.class)).hasViolation()).isTrue();
        assertThat(ENGINE_DOES_NOT_USE_CONVERTER.evaluate(fixtures(EngineUsesJavaFx.class)).hasViolation()).isFalse();
    }

    @Test
    void grammarRuleFlagsDirectUseOfGeneratedParsersButAllowsFacades() {
        assertThat(GRAMMAR_ONLY_VIA_PARSER_FACADES.evaluate(fixtures(FakeGeneratedParser.class, EngineUsesGrammar.class)).hasViolation()).isTrue();
        assertThat(GRAMMAR_ONLY_VIA_PARSER_FACADES.evaluate(fixtures(FakeGeneratedParser.class, ParserFacade.class)).hasViolation()).isFalse();
    }
}
