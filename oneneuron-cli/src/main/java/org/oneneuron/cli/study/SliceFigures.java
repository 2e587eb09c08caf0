package org.oneneuron.cli.study;

import java.util.List;
import java.util.Optional;
import org.oneneuron.cli.report.FigureData;
import org.oneneuron.cli.report.StudyFigures;
import org.oneneuron.landscape.Slice;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.TrainerRunFunction;

/**
 * The report's 2-D landscape slice: the first augmented run of a study, replayed on the engine,
 * on the plane through its start, its end and its end without the neuron (a = 0).
 */
final class SliceFigures {

    static final int GRID = 15;

    private SliceFigures() {
    }

    static List<FigureData> of(TrainerRunFunction trainer, StudyResult result, String prefix, String regenerate) {
        Optional<JournalEntry> first = result.entries().stream().filter(e -> e.run().augmented()).findFirst();
        if (first.isEmpty()) {
            return List.of();
        }
        JournalEntry entry = first.get();
        Optional<Slice> slice = trainer.slice(entry.run(), GRID);
        String label = "run " + entry.runIndex() + " (" + entry.run().neuron() + ", restart "
                + entry.run().restart() + ", verdict " + entry.outcome().verdict() + ")";
        return slice.map(s -> List.of(StudyFigures.slice(prefix, label, s, regenerate)))
                .orElse(List.of());
    }
}
