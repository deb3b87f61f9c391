package org.kontor.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kontor.delivery.DeliveryView;
import org.kontor.delivery.tracking.Delivery;
import org.kontor.delivery.tracking.DeliveryTrackingService;
import org.kontor.order.Order;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderLine;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.UploadedFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    /** A JSON order (SPEC §5). Structure is checked here; whether it makes sense is the process's job. */
    record OrderRequest(@NotBlank @Size(max = 64) String poNumber, @Size(max = 64) String customerNumber,
            @Size(max = 200) String customerName, LocalDate orderDate, LocalDate requestedDeliveryDate,
            @Size(max = 500) String deliveryAddress, @DecimalMin("0") BigDecimal total,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull LineRequest> lines) {
    }

    record LineRequest(@NotBlank @Size(max = 64) String sku, @Size(max = 300) String description,
            @NotNull @Positive Integer quantity, @DecimalMin("0") BigDecimal unitPrice) {
    }

    record Accepted(String orderId, String processInstanceId) {
    }

    record SpreadsheetAccepted(List<SpreadsheetOrders.Result> orders) {
    }

    record LineView(int lineNo, String sku, String description, Integer quantity, BigDecimal unitPrice,
            int reservedQuantity) {
    }

    record OrderView(String orderId, String status, String customerNumber, String poNumber, LocalDate orderDate,
            LocalDate requestedDeliveryDate, String deliveryAddress, BigDecimal total, List<LineView> lines,
            boolean reviewRequired, String reviewedBy, String documentId, DeliveryView delivery, List<String> problems,
            String source, String processInstanceId) {
    }

    private final OrderIntakeService intake;
    private final OrderService orders;
    private final SpreadsheetOrders spreadsheets;
    private final UploadedFiles uploads;
    private final DeliveryTrackingService deliveries;

    OrderController(OrderIntakeService intake, OrderService orders, SpreadsheetOrders spreadsheets, UploadedFiles uploads,
            DeliveryTrackingService deliveries) {
        this.intake = intake;
        this.deliveries = deliveries;
        this.orders = orders;
        this.spreadsheets = spreadsheets;
        this.uploads = uploads;
    }

    /** 201 for a new order, 200 with the existing one for a repeated customer + PO number. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@Valid @RequestBody OrderRequest request, Principal principal) {
        if (blank(request.customerNumber()) && blank(request.customerName())) {
            throw new BadRequestException("customerNumber (or customerName) is required.");
        }
        OrderDraft draft = new OrderDraft(request.customerNumber(), request.customerName(), request.poNumber(),
                request.orderDate(), request.requestedDeliveryDate(), request.deliveryAddress(), request.total(),
                request.lines().stream().map(l -> new OrderDraft.Line(l.sku(), l.description(), l.quantity(), l.unitPrice()))
                        .toList());
        OrderIntakeService.Intake result = intake.receive(draft, OrderSource.JSON, null, principal.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/orders/" + result.orderId())
                .body(new Accepted(result.orderId(), result.processInstanceId()));
    }

    /** An order spreadsheet: one order per customer and PO number in it. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SpreadsheetAccepted> submitSpreadsheet(@RequestPart(name = "file", required = false) MultipartFile file,
            Principal principal) {
        List<SpreadsheetOrders.Result> results = uploads.withFile(file, path -> spreadsheets.receive(path, principal.getName()));
        boolean anyCreated = results.stream().anyMatch(SpreadsheetOrders.Result::created);
        return ResponseEntity.status(anyCreated ? HttpStatus.ACCEPTED : HttpStatus.OK).body(new SpreadsheetAccepted(results));
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable String id) {
        return view(orders.get(id));
    }

    private OrderView view(Order o) {
        return view(o, deliveries.find(o.orderId()).map(DeliveryView::of).orElse(null));
    }

    @GetMapping
    List<OrderView> search(@RequestParam(required = false) String poNumber,
            @RequestParam(required = false) String customerNumber, @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        List<Order> found = orders.search(poNumber, customerNumber, status, limit);
        // one query for the deliveries of the whole page, not one per order
        Map<String, Delivery> delivered = deliveries.find(found.stream().map(Order::orderId).toList());
        return found.stream().map(o -> view(o, delivered.containsKey(o.orderId())
                ? DeliveryView.of(delivered.get(o.orderId())) : null)).toList();
    }

    static OrderView view(Order o, DeliveryView delivery) {
        return new OrderView(o.orderId(), o.status().name(), o.customerNumber(), o.poNumber(), o.orderDate(),
                o.requestedDeliveryDate(), o.deliveryAddress(), o.documentTotal(),
                o.lines().stream().map(OrderController::line).toList(), o.reviewRequired(), o.reviewedBy(),
                o.documentId(), delivery, o.problems(), o.source().name(), o.processInstanceId());
    }

    private static LineView line(OrderLine l) {
        return new LineView(l.lineNo(), l.sku(), l.description(), l.quantity(), l.unitPrice(), l.reservedQuantity());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
