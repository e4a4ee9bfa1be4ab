/** Target identifier spelling: case folding, quoting of unsafe names, truncation and collision detection. */
package dev.ferry.converter.naming;
