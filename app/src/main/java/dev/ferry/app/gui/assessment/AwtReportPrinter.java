package dev.ferry.app.gui.assessment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterJob;
import java.nio.file.Path;

/**
 * {@link ReportPrinter} with the JDK's print system: the PDF report (rendered by PDFBox, already a dependency of the
 * report writer) goes to {@link PrinterJob#printDialog()}, the platform's print dialog (CUPS on Linux, the Windows and
 * macOS dialogs elsewhere), so page range, copies, printer and "print to file" are the user's choice.
 */
public final class AwtReportPrinter implements ReportPrinter {

    @Override
    public boolean print(Path pdf) throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("printing needs a desktop session (this Java runs headless); open " + pdf
                    + " in a PDF viewer to print it");
        }
        PrintService[] services = PrintServiceLookup.lookupPrintServices(null, null);
        if (services.length == 0) {
            throw new IllegalStateException("no printer is installed on this system; the PDF report is " + pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName("Ferry assessment report");
            job.setPageable(new PDFPageable(doc));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        }
    }
}
