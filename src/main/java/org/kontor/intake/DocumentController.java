package org.kontor.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.kontor.document.content.ContentType;
import org.kontor.document.digitise.PagePreviews;
import org.kontor.document.digitise.UnreadableDocumentException;
import org.kontor.platform.web.NotFoundException;
import org.kontor.platform.web.UploadedFiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/documents")
class DocumentController {

    static final String VIA_REST = "REST";

    private final DocumentIntakeService intake;
    private final DocumentService documents;
    private final DocumentViews views;
    private final UploadedFiles uploads;
    private final PagePreviews previews;

    DocumentController(DocumentIntakeService intake, DocumentService documents, DocumentViews views,
            UploadedFiles uploads, PagePreviews previews) {
        this.previews = previews;
        this.intake = intake;
        this.documents = documents;
        this.views = views;
        this.uploads = uploads;
    }

    record Accepted(String documentId, String processInstanceId) {
    }

    /** 202 for a new document (its processing has started), 200 with the existing one for the same bytes. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> upload(@RequestPart(name = "file", required = false) MultipartFile file, Principal principal) {
        DocumentIntakeService.Intake result = uploads.withFile(file,
                path -> intake.receive(path, file.getOriginalFilename(), VIA_REST, principal.getName()));
        return ResponseEntity.status(result.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/documents/" + result.documentId())
                .body(new Accepted(result.documentId(), result.processInstanceId()));
    }

    @GetMapping("/{id}")
    DocumentViews.DocumentView get(@PathVariable String id) {
        return views.view(documents.get(id));
    }

    /** A picture of one page (1-based), rendered by Kontor, for review screens. */
    @GetMapping(path = "/{id}/pages/{page}/preview.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable String id, @PathVariable int page) throws IOException {
        Document document = documents.get(id);
        if (page < 1 || !(document.contentType().isImage() || document.contentType() == ContentType.PDF)) {
            throw new NotFoundException("Document " + id + " has no page " + page + " to show.");
        }
        java.awt.image.BufferedImage image;
        try {
            image = previews.page(documents.original(document), document.contentType(), page - 1);
        } catch (UnreadableDocumentException e) {
            throw new NotFoundException(e.getMessage());
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").body(png.toByteArray());
    }

    /**
     * The original, inline for the browser's own PDF and image viewers. Sandboxed: an original is
     * someone else's file and must not run anything in Kontor's origin.
     */
    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable String id) {
        Document document = documents.get(id);
        Path original = documents.original(document);
        String name = document.fileName() == null ? document.documentId() : document.fileName();
        boolean viewable = document.contentType().isImage() || document.contentType() == ContentType.PDF;
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(document.contentType().mediaType()))
                    .contentLength(Files.size(original))
                    .header(HttpHeaders.CONTENT_DISPOSITION, (viewable ? ContentDisposition.inline()
                            : ContentDisposition.attachment()).filename(name, java.nio.charset.StandardCharsets.UTF_8)
                            .build().toString())
                    .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; object-src 'self'")
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new FileSystemResource(original));
        } catch (IOException e) {
            throw new UncheckedIOException("Original of document " + id + " is missing from the store", e);
        }
    }
}
