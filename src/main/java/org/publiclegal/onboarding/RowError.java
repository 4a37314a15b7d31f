package org.publiclegal.onboarding;

/**
 * One problem of an imported row: its row number in the sheet (the header is row 1), the Chinese column header
 * (null for the row as a whole) and a Chinese message.
 */
public record RowError(int rowNo, String column, String message) {
}
