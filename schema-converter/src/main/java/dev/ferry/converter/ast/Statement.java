package dev.ferry.converter.ast;

/** A top-level SQL statement. The same node types are produced for every source dialect. */
public interface Statement extends Node {
}
