package org.oneneuron.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ours and the peer, alternately (A B A B …, {@code pairs} pairs, same thread count), and the
 * median of the paired ratios ours/peer of the workload's throughput figure. Pairing cancels
 * slow drifts of a shared machine's load.
 */
final class Comparison {

    private Comparison() {
    }

    static Map<String, Object> run(Workloads.Id id, BenchContext ctx, int pairs, PeerRunner peer)
            throws Exception {
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be >= 1, got " + pairs);
        }
        List<Map<String, Object>> ours = new ArrayList<>();
        List<Map<String, Object>> theirs = new ArrayList<>();
        double[] ratios = new double[pairs];
        List<String> peerArgs = peerArguments(id, ctx);
        for (int k = 0; k < pairs; k++) {
            Map<String, Object> a = Workloads.run(id, ctx);
            Map<String, Object> b = peer.run(id.peerScript, ctx.threads(), peerArgs);
            ours.add(a);
            theirs.add(b);
            ratios[k] = number(a, id.ourFigure) / number(b, id.peerFigure);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", id.name());
        m.put("threads", ctx.threads());
        m.put("figure", id.ourFigure);
        m.put("peer_figure", id.peerFigure);
        m.put("pairs", pairs);
        m.put("peer_python", peer.python().python().toString());
        m.put("peer_blas", peer.python().blasKind());
        m.put("median_ratio", median(ratios));
        m.put("ratios", Arrays.stream(ratios).boxed().toList());
        for (String other : id.otherPeerFigures) {
            double[] r = new double[pairs];
            for (int k = 0; k < pairs; k++) {
                r[k] = number(ours.get(k), id.ourFigure) / number(theirs.get(k), other);
            }
            m.put("median_ratio_vs_" + other, median(r));
        }
        for (String paired : id.pairedFigures) {
            int slash = paired.indexOf('/');
            String figure = slash < 0 ? paired : paired.substring(0, slash);
            String peerFigure = slash < 0 ? paired : paired.substring(slash + 1);
            double[] r = new double[pairs];
            for (int k = 0; k < pairs; k++) {
                r[k] = number(ours.get(k), figure) / number(theirs.get(k), peerFigure);
            }
            if (slash >= 0) {
                m.put("peer_figure_" + figure, peerFigure);
            }
            m.put("median_ratio_" + figure, median(r));
            m.put("ratios_" + figure, Arrays.stream(r).boxed().toList());
        }
        m.put("ours_median", median(ours.stream().mapToDouble(o -> number(o, id.ourFigure)).toArray()));
        m.put("peer_median", median(theirs.stream().mapToDouble(o -> number(o, id.peerFigure)).toArray()));
        m.put("ours", ours);
        m.put("peer", theirs);
        return m;
    }

    /** W4's loop method takes minutes at 1000 runs: the peer times it on 20 runs (runs/s is per run). */
    static List<String> peerArguments(Workloads.Id id, BenchContext ctx) {
        List<String> args = new ArrayList<>();
        if (id == Workloads.Id.W1 && ctx.steps() > 0) {
            args.addAll(List.of("--steps", Integer.toString(ctx.steps())));
        }
        if (id == Workloads.Id.W4) {
            args.addAll(List.of("--loop-runs", "20"));
        }
        return args;
    }

    static double number(Map<String, Object> result, String key) {
        Object v = result.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("result has no number '" + key + "': " + result);
        }
        return n.doubleValue();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
