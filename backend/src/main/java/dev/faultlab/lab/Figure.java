package dev.faultlab.lab;

import dev.faultlab.chart.Chart;

/** A chart a lab shows above its exercises, measured from the platform's own runs when the lab loads. */
public record Figure(String id, String title, String captionHtml, Chart chart) {
}
