package org.kontor.document.digitise;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import net.sourceforge.tess4j.TessAPI1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes libtesseract and a tessdata folder available to JNA, once per JVM.
 *
 * <p>By default the Linux libraries come from the bytedeco preset jars on the classpath and the English model from
 * the tess4j jar; they are unpacked under {@code <data-dir>/natives/tesseract-<version>/} (never {@code /tmp}, which
 * may be noexec or cleaned under a running node) and reused on the next start. Nothing is downloaded. With
 * {@code kontor.ocr.native-library-path} / {@code tessdata-path} set, a system Tesseract is used and nothing is
 * unpacked; that library must be Tesseract 5.5 or newer, the C API tess4j 5.20 binds (Debian 12's 5.3 is too old).
 *
 * <p>OpenMP: neither the bundled libtesseract.so.5.5 nor libleptonica.so.6 needs libgomp or exports/imports any
 * {@code omp_}/{@code GOMP_} symbol ({@code readelf -d}, {@code nm -D}, checked for 5.5.2-1.5.13), so each engine
 * recognises on exactly the thread that calls it and the pool size alone bounds CPU use. A system build
 * usually has OpenMP (Debian's does); for that case the process should run with {@code OMP_THREAD_LIMIT=1}, which
 * only the environment can set before the library loads.
 */
public final class TesseractNatives {

    private static final Logger log = LoggerFactory.getLogger(TesseractNatives.class);

    private static final String TESSERACT_RESOURCE = "org/bytedeco/tesseract/linux-x86_64/libtesseract.so.5.5";
    private static final String LEPTONICA_RESOURCE = "org/bytedeco/leptonica/linux-x86_64/libleptonica.so.6";
    private static final String PRESET_POM_PROPERTIES = "META-INF/maven/org.bytedeco/tesseract/pom.properties";
    private static final String TESSDATA_RESOURCE = "tessdata/";
    /** JNA's name for the library; tess4j's TessAPI1 registers under the same name on Linux. */
    private static final String LIBRARY_NAME = "tesseract";

    /** Where the library and the models were found; {@code version} is what libtesseract reports. */
    public record Setup(Path libraryDir, Path tessdataDir, String version) {
    }

    private static Setup prepared;

    private TesseractNatives() {
    }

    /** Unpacks (if needed) and loads libtesseract; the first call in a JVM decides which library is used. */
    public static synchronized Setup prepare(Path dataDir, OcrProperties properties) {
        if (prepared != null) {
            return withTessdata(prepared, dataDir, properties);
        }
        Path libraryDir = properties.nativeLibraryPath() != null
                ? properties.nativeLibraryPath().toAbsolutePath()
                : unpackLibraries(nativesDir(dataDir));
        // Both: the property for JNA's first use in this JVM, the explicit search path in case something else
        // (another JNA user) initialised JNA's library search before we got here.
        String existing = System.getProperty("jna.library.path");
        System.setProperty("jna.library.path", existing == null || existing.isBlank()
                ? libraryDir.toString() : libraryDir + java.io.File.pathSeparator + existing);
        NativeLibrary.addSearchPath(LIBRARY_NAME, libraryDir.toString());
        String version;
        try {
            version = TessAPI1.TessVersion();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // tess4j's direct mapping binds every C function at load time, so an older library fails here
            // (Debian 12's 5.3.0 lacks TessPAGERendererCreate), not later in the middle of a page.
            throw new IllegalStateException("Tesseract could not be loaded from " + libraryDir
                    + " (libtesseract 5.5 or newer is needed): " + e.getMessage(), e);
        }
        prepared = withTessdata(new Setup(libraryDir, null, version), dataDir, properties);
        log.info("Tesseract {} loaded from {}, models from {}", version, libraryDir, prepared.tessdataDir());
        return prepared;
    }

    private static Setup withTessdata(Setup setup, Path dataDir, OcrProperties properties) {
        Path tessdata = properties.tessdataPath() != null
                ? properties.tessdataPath().toAbsolutePath()
                : unpackTessdata(nativesDir(dataDir).resolve("tessdata"), properties.language());
        return new Setup(setup.libraryDir(), tessdata, setup.version());
    }

    static Path nativesDir(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("natives").resolve("tesseract-" + presetVersion());
    }

    private static Path unpackLibraries(Path dir) {
        ClassLoader loader = TesseractNatives.class.getClassLoader();
        URL tesseract = loader.getResource(TESSERACT_RESOURCE);
        URL leptonica = loader.getResource(LEPTONICA_RESOURCE);
        if (tesseract == null || leptonica == null) {
            throw new IllegalStateException("No bundled Tesseract for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "; set kontor.ocr.native-library-path to a folder with libtesseract");
        }
        try {
            Files.createDirectories(dir);
            // Original file names: libtesseract's SONAME-based NEEDED entry is libleptonica.so.6, found via its
            // RUNPATH $ORIGIN, i.e. next to it.
            Path lib = unpack(tesseract, dir.resolve("libtesseract.so.5.5"));
            Path lept = unpack(leptonica, dir.resolve("libleptonica.so.6"));
            link(dir.resolve("libtesseract.so"), lib.getFileName());
            link(dir.resolve("libleptonica.so"), lept.getFileName());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Tesseract into " + dir, e);
        }
    }

    private static Path unpackTessdata(Path dir, String language) {
        ClassLoader loader = TesseractNatives.class.getClassLoader();
        try {
            Files.createDirectories(dir);
            for (String lang : language.split("\\+")) {
                String name = lang.strip() + ".traineddata";
                URL model = loader.getResource(TESSDATA_RESOURCE + name);
                if (model == null) {
                    throw new IllegalStateException("No Tesseract model " + name + " is bundled; set "
                            + "kontor.ocr.tessdata-path to a folder holding it");
                }
                unpack(model, dir.resolve(name));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack Tesseract models into " + dir, e);
        }
    }

    /** Copies a resource unless a file of the same size is there; written under a temporary name, then moved. */
    private static Path unpack(URL resource, Path target) throws IOException {
        long size = resource.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
            return target;
        }
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        log.debug("Unpacked {} to {}", resource, target);
        return target;
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Files.deleteIfExists(link);
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            // A file system without symlinks: a copy serves JNA just as well.
            Files.copy(link.resolveSibling(target), link, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Could not create " + link);
        }
    }

    /** The bytedeco preset version (e.g. 5.5.2-1.5.13), so an upgrade unpacks into a fresh folder. */
    private static String presetVersion() {
        try (InputStream in = TesseractNatives.class.getClassLoader().getResourceAsStream(PRESET_POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version");
                if (version != null && version.matches("[0-9A-Za-z.\\-]+")) {
                    return version;
                }
            }
        } catch (IOException e) {
            log.debug("No bytedeco tesseract pom.properties", e);
        }
        return "5.5.2";
    }
}
