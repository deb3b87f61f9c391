package org.kontor.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.kontor.delivery.DeliveryProcess.EventType;
import org.kontor.delivery.planning.DeliveryPlan;
import org.kontor.delivery.planning.DeliveryPlanningService;
import org.kontor.delivery.planning.ManifestWriter;
import org.kontor.delivery.planning.PlanMapRenderer;
import org.kontor.delivery.tracking.Delivery;
import org.kontor.delivery.tracking.DeliveryTrackingService;
import org.kontor.masterdata.MasterDataService;
import org.kontor.platform.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RestController;

/** Delivery plans and delivery events (SPEC §5, deliveries rows). */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryPlanController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record PlanRequest(@NotNull LocalDate date, Integer timeLimitSeconds) {
    }

    record PlanAccepted(String planId, String processInstanceId) {
    }

    record Manifest(String vehicleId, String url) {
    }

    record PlanView(String planId, LocalDate date, String status, String requestedBy, String processInstanceId,
            int timeLimitSeconds, List<String> excludedVehicles, int rounds, int orderCount, DeliveryPlan.Progress progress,
            Boolean feasible, Integer vehiclesUsed, Double totalDistanceKm, List<DeliveryPlan.Route> routes,
            List<DeliveryPlan.Unassigned> unassigned, String approvedBy, LocalDateTime approvedAt, String mapUrl,
            List<Manifest> manifests) {
    }

    record EventRequest(@NotNull EventType type, @Size(max = 500) String reason) {
    }

    record EventAccepted(String orderId, EventType type, DeliveryView delivery) {
    }

    private final DeliveryPlanningService planning;
    private final DeliveryTrackingService tracking;
    private final PlanMapRenderer maps;
    private final ManifestWriter manifests;
    private final MasterDataService masterData;

    DeliveryPlanController(DeliveryPlanningService planning, DeliveryTrackingService tracking, PlanMapRenderer maps,
            ManifestWriter manifests, MasterDataService masterData) {
        this.planning = planning;
        this.tracking = tracking;
        this.maps = maps;
        this.manifests = manifests;
        this.masterData = masterData;
    }

    /** 202: planning runs in its own process; progress and result at the Location. 409 while the day has an open plan. */
    @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanAccepted> requestPlan(@Valid @RequestBody PlanRequest request, Principal principal) {
        DeliveryPlanningService.Requested requested = planning.request(request.date(), request.timeLimitSeconds(),
                principal.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/deliveries/plans/" + requested.planId())
                .body(new PlanAccepted(requested.planId(), requested.processInstanceId()));
    }

    @GetMapping("/plans")
    List<PlanView> plans(@RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "20") int limit) {
        return planning.list(date, limit).stream().map(this::view).toList();
    }

    @GetMapping("/plans/{id}")
    PlanView plan(@PathVariable String id) {
        return view(planning.get(id));
    }

    @GetMapping(path = "/plans/{id}/map.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> map(@PathVariable String id) {
        DeliveryPlan plan = planning.get(id);
        byte[] png = maps.render(plan, masterData.depots().stream().findFirst().orElse(null));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    @GetMapping("/plans/{id}/manifests/{vehicleId}")
    ResponseEntity<Resource> manifest(@PathVariable String id, @PathVariable String vehicleId) {
        DeliveryPlan plan = planning.get(id);
        Path file = manifests.manifest(plan.planId(), vehicleId).orElseThrow(() -> new NotFoundException("Plan " + id
                + " has no manifest for vehicle " + vehicleId + " (status " + plan.status()
                + "); manifests are written when a plan is approved, one per vehicle with stops."));
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX)).contentLength(Files.size(file))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("manifest-" + plan.deliveryDate() + "-" + file.getFileName()).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new FileSystemResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A driver's report for an order out for delivery; 202, the delivery process records it. */
    @PostMapping(path = "/{orderId}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EventAccepted> event(@PathVariable String orderId, @Valid @RequestBody EventRequest request) {
        Delivery delivery = tracking.report(orderId, request.type(), request.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new EventAccepted(orderId, request.type(), DeliveryView.of(delivery)));
    }

    private PlanView view(DeliveryPlan p) {
        String base = "/api/deliveries/plans/" + p.planId();
        List<Manifest> written = p.routes() == null ? List.of() : p.routes().stream()
                .filter(r -> manifests.manifest(p.planId(), r.vehicleId()).isPresent())
                .map(r -> new Manifest(r.vehicleId(), base + "/manifests/" + r.vehicleId())).toList();
        return new PlanView(p.planId(), p.deliveryDate(), p.status().name(), p.requestedBy(), p.processInstanceId(),
                p.timeLimitSeconds(), p.excludedVehicles(), p.rounds(), p.orderCount(), p.progress(), p.feasible(),
                p.vehiclesUsed(), p.totalDistanceKm(), p.routes(), p.unassigned(), p.approvedBy(), p.approvedAt(),
                p.routes() == null ? null : base + "/map.png", written);
    }
}
