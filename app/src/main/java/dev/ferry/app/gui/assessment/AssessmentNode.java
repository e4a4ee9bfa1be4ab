package dev.ferry.app.gui.assessment;

import dev.ferry.converter.assess.ObjectStatus;

import java.util.List;

/**
 * A node of the assessment tree: schema → object type → object. Immutable.
 *
 * @param kind     what the node is
 * @param label    what the tree shows
 * @param key      the object key ({@code ConvertedObject.key()}) for objects, else {@code null}
 * @param status   the object's status (for groups: the worst status below), {@code null} for an empty group
 * @param edited   whether the object was edited by hand
 * @param children child nodes
 */
public record AssessmentNode(Kind kind, String label, String key, ObjectStatus status, boolean edited, List<AssessmentNode> children) {

    public enum Kind { ROOT, SCHEMA, TYPE, OBJECT }

    public AssessmentNode {
        children = List.copyOf(children);
    }

    /** Objects below this node (itself for an object). */
    public int objectCount() {
        return kind == Kind.OBJECT ? 1 : children.stream().mapToInt(AssessmentNode::objectCount).sum();
    }
}
