package org.oneneuron.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Turns {@link FigureData} into XChart charts (headless AWT; DejaVu fonts on a bare machine). */
final class Charts {

    static final int WIDTH = 720;
    static final int HEIGHT = 420;

    private Charts() {
    }

    /** The chart of a figure. */
    static Chart<?, ?> of(FigureData f) {
        System.setProperty("java.awt.headless", "true");
        if (f.kind().equals("bar")) {
            return bar(f);
        }
        if (f.kind().equals("heatmap")) {
            return heatmap(f);
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(f.logX());
        chart.getStyler().setYAxisLogarithmic(f.logY());
        if (!f.logY()) {
            chart.getStyler().setYAxisDecimalPattern("0.###");
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        for (FigureData.Series s : f.series()) {
            double[] x = s.x();
            double[] y = s.y();
            if (f.kind().equals("step")) {
                List<double[]> xy = stairs(x, y);
                x = xy.get(0);
                y = xy.get(1);
            }
            if (x.length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(s.name(), x, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static CategoryChart bar(FigureData f) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (FigureData.Series s : f.series()) {
            List<Double> values = new ArrayList<>();
            for (double v : s.y()) {
                values.add(v);
            }
            chart.addSeries(s.name(), s.categories(), values);
        }
        return chart;
    }

    private static HeatMapChart heatmap(FigureData f) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        List<FigureData.Series> rows = f.series();
        double[] s = rows.get(0).x();
        List<Number> xs = new ArrayList<>();
        for (double v : s) {
            xs.add(Math.round(v * 100) / 100.0);
        }
        List<Number> ys = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            ys.add(Math.round(Double.parseDouble(rows.get(j).name().substring(2)) * 100) / 100.0);
            double[] z = rows.get(j).y();
            for (int i = 0; i < z.length; i++) {
                cells.add(new Number[] {i, j, Double.isFinite(z[i]) ? z[i] : Double.NaN});
            }
        }
        chart.addSeries("log10 loss", xs, ys, cells);
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAntiAlias(true);
    }

    /** An ECDF as a staircase: (x_i, y_{i-1}) then (x_i, y_i). */
    private static List<double[]> stairs(double[] x, double[] y) {
        double[] sx = new double[2 * x.length];
        double[] sy = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            sx[2 * i] = x[i];
            sy[2 * i] = i == 0 ? 0 : y[i - 1];
            sx[2 * i + 1] = x[i];
            sy[2 * i + 1] = y[i];
        }
        return List.of(sx, sy);
    }
}
