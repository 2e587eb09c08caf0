package org.oneneuron.cli.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One figure painted three ways: a PNG bitmap, an SVG through VectorGraphics2D (strings become
 * SVG text elements, so labels stay editable), and a PDF through PDFBox's Graphics2D with the
 * DejaVu Sans fonts (regular and bold, both in Debian's fonts-dejavu-core) embedded when the system has them (text stays text;
 * without them PDFBox draws the glyphs as outlines). Each comes back as bytes, for
 * {@link FigureFiles} to write atomically.
 */
final class VectorFiles {

    /** Where fonts usually live; the first DejaVuSans.ttf found is embedded in PDFs. */
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.fonts", "/Library/Fonts", "C:\\Windows\\Fonts");

    /** The DejaVu Sans file of each style our figures use. */
    private static final java.util.Map<Integer, String> FONT_FILES = java.util.Map.of(java.awt.Font.PLAIN,
            "DejaVuSans.ttf", java.awt.Font.BOLD, "DejaVuSans-Bold.ttf");

    private static final java.util.Map<String, Optional<File>> FOUND = new java.util.concurrent.ConcurrentHashMap<>();

    private VectorFiles() {
    }

    static byte[] png(FigureData f) throws IOException {
        BufferedImage image = new BufferedImage(PaperStyle.WIDTH, PaperStyle.HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        FigurePainter.paint(g, f);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // In memory: ImageIO.write(image, "png", out) would buffer through a file in java.io.tmpdir.
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        }
        return out.toByteArray();
    }

    static byte[] svg(FigureData f) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        FigurePainter.paint(g, f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, PaperStyle.WIDTH, PaperStyle.HEIGHT))
                .writeTo(out);
        return out.toByteArray();
    }

    static byte[] pdf(FigureData f) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PaperStyle.WIDTH, PaperStyle.HEIGHT));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, PaperStyle.WIDTH, PaperStyle.HEIGHT);
            PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
            for (java.awt.Font style : List.of(PaperStyle.LABEL, PaperStyle.TITLE)) {
                font(FONT_FILES.get(style.getStyle())).ifPresent(ttf -> fonts.registerFont(style.getFontName(), ttf));
            }
            g.setFontTextDrawer(fonts);
            FigurePainter.paint(g, f);
            g.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g.getXFormObject());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            fonts.close();
            return bytes.toByteArray();
        }
    }

    /** A font file from the usual font folders, looked up once. */
    private static Optional<File> font(String name) {
        return FOUND.computeIfAbsent(name, VectorFiles::find);
    }

    private static Optional<File> find(String name) {
        for (String dir : FONT_DIRS) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 4)) {
                Optional<File> found = walk.filter(p -> p.getFileName().toString().equals(name))
                        .map(Path::toFile).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                // an unreadable font folder: try the next one
            }
        }
        return Optional.empty();
    }
}
