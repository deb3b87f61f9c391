/**
 * Purchase-order field extraction from OCR'd pages ({@link org.kontor.document.extract.PurchaseOrderExtractor}).
 *
 * <p>Plain Java on {@link org.kontor.document.digitise.OcrPage} word boxes: rows are rebuilt from the boxes (a
 * two-column header comes back from Tesseract as separate blocks), header labels are matched on text with OCR
 * look-alikes folded (0/o, 1/l/i, 5/s, 8/b, rn/m), values are taken right of the label or below it bounded by the
 * next label's x, the line table is found by its column headers in any order, and the total by its label.
 *
 * <p>Confidence per field multiplies the OCR confidence of the value's words, the label match quality, format
 * checks and geometry, then applies cross-checks: quantity x unit price = amount raises a line's numbers, lines
 * adding up to the total raise all of them and the total; a mismatch caps them at 0.5 or below. What nothing can
 * cross-check (a PO number, a SKU) rests on OCR confidence and format alone and is marked unsure rather than
 * guessed: an O/0 next to a letter prefix, a SKU read from fragments, an ambiguous slash date.
 *
 * <p>Accuracy on unseen layouts: {@code mvn -q -Pbench test-compile exec:java -Dbench=ExtractionBenchmark
 * -Dbench.documents=60} (held-out layout families and wordings of
 * {@code org.kontor.document.corpus.PurchaseOrderCorpus}, real OCR, real OrderValidator over the demo master data).
 */
package org.kontor.document.extract;
