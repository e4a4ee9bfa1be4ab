package dev.ferry.engine.archfixture;

import dev.ferry.grammar.archfixture.FakeGeneratedParser;

/** Deliberately violates the layering (engine using a generated parser directly); used only by ArchitectureTest. */
public class EngineUsesGrammar {
    public int parse() {
        return new FakeGeneratedParser().ruleIndex();
    }
}
