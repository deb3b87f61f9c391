package org.kontor.intake;

import java.nio.file.Path;
import java.util.List;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderSpreadsheetReader;
import org.springframework.stereotype.Component;

/** An order spreadsheet posted to /api/orders: every order in it enters order intake. */
@Component
class SpreadsheetOrders {

    record Result(String poNumber, String customerNumber, String orderId, String processInstanceId, boolean created) {
    }

    private final OrderSpreadsheetReader reader;
    private final OrderIntakeService intake;

    SpreadsheetOrders(OrderSpreadsheetReader reader, OrderIntakeService intake) {
        this.reader = reader;
        this.intake = intake;
    }

    List<Result> receive(Path file, String receivedBy) {
        return reader.read(file).stream().map(draft -> {
            OrderIntakeService.Intake result = intake.receive(draft, OrderSource.SPREADSHEET, null, receivedBy);
            return new Result(draft.poNumber(), draft.customerNumber(), result.orderId(), result.processInstanceId(),
                    result.created());
        }).toList();
    }
}
