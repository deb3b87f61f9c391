package org.kontor.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    record Receipt(@NotBlank @Size(max = 64) String sku, @NotNull @Positive @Max(100_000_000) Integer quantity,
            @Size(max = 200) String reference) {
    }

    private final InventoryService inventory;

    InventoryController(InventoryService inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/{sku}")
    StockLevel level(@PathVariable String sku) {
        return inventory.level(sku);
    }

    @GetMapping("/{sku}/movements")
    List<StockMovement> movements(@PathVariable String sku, @RequestParam(defaultValue = "100") int limit) {
        return inventory.movements(sku, limit);
    }

    @PostMapping("/receipts")
    StockLevel receive(@Valid @RequestBody Receipt receipt, Principal principal) {
        return inventory.receive(receipt.sku(), receipt.quantity(), receipt.reference(), principal.getName());
    }
}
