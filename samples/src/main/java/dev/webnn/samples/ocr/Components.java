package dev.webnn.samples.ocr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Connected components (8-connectivity) of a binary map. */
final class Components {

    private Components() {
    }

    /**
     * Labels the set pixels.
     *
     * @param mask row-major, true where set
     * @param width the map's width
     * @param height the map's height
     * @return the components, each as the flat indices {@code y * width + x} of its pixels, in scan order of their first pixel
     */
    static List<int[]> of(boolean[] mask, int width, int height) {
        boolean[] seen = new boolean[mask.length];
        List<int[]> components = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) {
                continue;
            }
            List<Integer> pixels = new ArrayList<>();
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                pixels.add(p);
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                            int q = ny * width + nx;
                            if (mask[q] && !seen[q]) {
                                seen[q] = true;
                                queue.add(q);
                            }
                        }
                    }
                }
            }
            components.add(pixels.stream().mapToInt(Integer::intValue).toArray());
        }
        return components;
    }
}
