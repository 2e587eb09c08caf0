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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One figure painted three ways: a PNG bitmap, an SVG through VectorGraphics2D (strings become
 * SVG text elements, so labels stay editable), and a PDF through PDFBox's Graphics2D with the
 * DejaVu Sans font embedded when the system has it (text stays text; without it PDFBox draws the
 * glyphs as outlines).
 */
final class VectorFiles {

    /** Where fonts usually live; the first DejaVuSans.ttf found is embedded in PDFs. */
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.fonts", "/Library/Fonts", "C:\\Windows\\Fonts");

    private static volatile Optional<File> dejaVu;

    private VectorFiles() {
    }

    static byte[] png(FigureData f) throws IOException {
        BufferedImage image = new BufferedImage(PaperStyle.WIDTH, PaperStyle.HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        FigurePainter.paint(g, f);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static void svg(FigureData f, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        FigurePainter.paint(g, f);
        try (OutputStream out = Files.newOutputStream(file)) {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, PaperStyle.WIDTH, PaperStyle.HEIGHT))
                    .writeTo(out);
        }
    }

    static void pdf(FigureData f, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PaperStyle.WIDTH, PaperStyle.HEIGHT));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, PaperStyle.WIDTH, PaperStyle.HEIGHT);
            PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
            font().ifPresent(ttf -> fonts.registerFont(PaperStyle.FAMILY, ttf));
            g.setFontTextDrawer(fonts);
            FigurePainter.paint(g, f);
            g.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g.getXFormObject());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            Files.write(file, bytes.toByteArray());
            fonts.close();
        }
    }

    /** DejaVuSans.ttf from the usual font folders, looked up once. */
    private static Optional<File> font() {
        Optional<File> found = dejaVu;
        if (found == null) {
            found = Optional.empty();
            for (String dir : FONT_DIRS) {
                Path root = Path.of(dir);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root, 4)) {
                    found = walk.filter(p -> p.getFileName().toString().equals("DejaVuSans.ttf"))
                            .map(Path::toFile).findFirst();
                } catch (IOException | java.io.UncheckedIOException e) {
                    found = Optional.empty();
                }
                if (found.isPresent()) {
                    break;
                }
            }
            dejaVu = found;
        }
        return found;
    }
}
