package dev.ferry.converter.parse.archfixture;

import dev.ferry.grammar.archfixture.FakeGeneratedParser;

/** A parser facade in converter..parse.., the one place allowed to use generated parsers; for ArchitectureTest. */
public class ParserFacade {
    public int parse() {
        return new FakeGeneratedParser().ruleIndex();
    }
}
