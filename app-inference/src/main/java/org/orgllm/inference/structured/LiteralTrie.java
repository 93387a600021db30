package org.orgllm.inference.structured;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small trie of fixed byte strings (property keys with their quotes, enum and const values), each with
 * a value (which alternative it is) and a weight (bytes still needed after it), so that every node knows
 * the cheapest way to finish.
 */
final class LiteralTrie {

    static final int ROOT = 0;

    private final List<byte[]> childBytes = new ArrayList<>();
    private final List<int[]> childNodes = new ArrayList<>();
    private final List<Integer> values = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();
    private int[] minCost;
    private int longest;

    LiteralTrie(List<byte[]> literals, int[] values, int[] weights) {
        newNode();
        for (int i = 0; i < literals.size(); i++) {
            byte[] literal = literals.get(i);
            if (literal.length == 0) {
                throw new IllegalArgumentException("empty literal");
            }
            longest = Math.max(longest, literal.length);
            int node = ROOT;
            for (byte b : literal) {
                int child = child(node, b & 0xFF);
                if (child < 0) {
                    child = newNode();
                    addChild(node, b & 0xFF, child);
                }
                node = child;
            }
            if (this.values.get(node) < 0) {
                this.values.set(node, values[i]);
                this.weights.set(node, weights[i]);
            }
        }
        minCost = new int[this.values.size()];
        for (int node = minCost.length - 1; node >= 0; node--) {
            // Children are created after their parents, so a reverse sweep sees them first.
            int best = this.values.get(node) >= 0 ? this.weights.get(node) : Integer.MAX_VALUE;
            for (int child : childNodes.get(node)) {
                if (minCost[child] != Integer.MAX_VALUE) {
                    best = Math.min(best, 1 + minCost[child]);
                }
            }
            minCost[node] = best;
        }
    }

    /** The child of a node along a byte, or -1. */
    int child(int node, int b) {
        byte[] labels = childBytes.get(node);
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) == b) {
                return childNodes.get(node)[i];
            }
        }
        return -1;
    }

    boolean hasChildren(int node) {
        return childBytes.get(node).length > 0;
    }

    /** The value of the literal ending at this node, or -1. */
    int value(int node) {
        return values.get(node);
    }

    /** Bytes of the cheapest way to finish from this node, weights included. */
    int minCost(int node) {
        return minCost[node];
    }

    int longest() {
        return longest;
    }

    /** The bytes that can start a literal. */
    byte[] firstBytes() {
        return childBytes.get(ROOT).clone();
    }

    private int newNode() {
        childBytes.add(new byte[0]);
        childNodes.add(new int[0]);
        values.add(-1);
        weights.add(0);
        return values.size() - 1;
    }

    private void addChild(int node, int b, int child) {
        byte[] labels = childBytes.get(node);
        int[] nodes = childNodes.get(node);
        labels = Arrays.copyOf(labels, labels.length + 1);
        nodes = Arrays.copyOf(nodes, nodes.length + 1);
        labels[labels.length - 1] = (byte) b;
        nodes[nodes.length - 1] = child;
        childBytes.set(node, labels);
        childNodes.set(node, nodes);
    }
}
