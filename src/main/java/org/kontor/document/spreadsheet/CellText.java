package org.kontor.document.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/** Turns a POI cell into the text a CSV of the same sheet would hold: numbers plain, dates ISO. */
final class CellText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CellText() {
    }

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> numeric(cell);
            default -> "";
        };
    }

    private static String numeric(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
            if (value < 1) {
                return dateTime.toLocalTime().format(TIME);
            }
            if (dateTime.toLocalTime().toSecondOfDay() == 0) {
                return dateTime.toLocalDate().toString();
            }
            return dateTime.toString();
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
