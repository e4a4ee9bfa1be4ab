package dev.ferry.app.gui.fakes;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes PNGs of scenes for docs/screenshots (headless Monocle); a failure only skips the picture. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Call off the FX thread (the snapshot is taken on it). */
    public static void write(Scene scene, Path file) {
        try {
            WritableImage[] image = new WritableImage[1];
            WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null)).get();
            PixelReader px = image[0].getPixelReader();
            int w = (int) image[0].getWidth();
            int h = (int) image[0].getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, px.getArgb(x, y));
                }
            }
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (Exception e) {
            System.out.println("no screenshot " + file + ": " + e);
        }
    }
}
