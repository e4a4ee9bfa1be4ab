/** Verification of converted DDL by deploying it into a scratch transaction that is rolled back. */
package dev.ferry.converter.verify;
