package dev.ferry.grammar.archfixture;

/** Stands in for an ANTLR-generated parser in ArchitectureTest's meta-tests. */
public class FakeGeneratedParser {
    public int ruleIndex() {
        return 7;
    }
}
