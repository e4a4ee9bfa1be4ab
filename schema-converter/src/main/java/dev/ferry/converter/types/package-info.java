/** Source → target type mapping with user {@code TypeMappingRule} overrides. */
package dev.ferry.converter.types;
