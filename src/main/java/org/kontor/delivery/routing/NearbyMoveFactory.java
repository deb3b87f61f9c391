package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListAssignMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Moves that put a visit next to one of its nearest visits (relocate before/after, or swap with a neighbour's
 * predecessor/successor). Timefold's own nearby selection is an Enterprise feature; without it random list moves
 * mostly pair visits at opposite ends of the map and are rejected, so this factory narrows the search the same
 * way. It builds Timefold's standard list moves (implementation classes, the only way a custom factory can make
 * them in 1.x), so undo and incremental scoring work as for the built-in selectors.
 */
public class NearbyMoveFactory implements MoveIteratorFactory<RoutingSolution, Move<RoutingSolution>> {

    /** Neighbours considered per visit: enough to reach the next cluster, few enough to stay focused. */
    static final int NEIGHBOURS = 16;

    private Visit[] visits;
    private Visit[][] nearest;

    @Override
    public void phaseStarted(ScoreDirector<RoutingSolution> scoreDirector) {
        List<Visit> all = scoreDirector.getWorkingSolution().getVisits();
        visits = all.toArray(Visit[]::new);
        int k = Math.min(NEIGHBOURS, visits.length - 1);
        nearest = new Visit[visits.length][];
        for (int i = 0; i < visits.length; i++) {
            Visit from = visits[i];
            DistanceMatrix matrix = from.getMatrix();
            nearest[i] = Arrays.stream(visits).filter(v -> v != from)
                    .sorted(Comparator.comparingDouble(v -> matrix.distance(from.getLocationIndex(), v.getLocationIndex())))
                    .limit(k).toArray(Visit[]::new);
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutingSolution> scoreDirector) {
        visits = null;
        nearest = null;
    }

    @Override
    public long getSize(ScoreDirector<RoutingSolution> scoreDirector) {
        return visits == null ? 0 : (long) visits.length * NEIGHBOURS * 4;
    }

    @Override
    public Iterator<Move<RoutingSolution>> createOriginalMoveIterator(ScoreDirector<RoutingSolution> scoreDirector) {
        throw new UnsupportedOperationException("nearby moves are selected at random only");
    }

    @Override
    public Iterator<Move<RoutingSolution>> createRandomMoveIterator(ScoreDirector<RoutingSolution> scoreDirector,
            Random random) {
        ListVariableDescriptor<RoutingSolution> variable =
                ((InnerScoreDirector<RoutingSolution, ?>) scoreDirector).getSolutionDescriptor().getListVariableDescriptor();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return visits.length > 1;
            }

            @Override
            public Move<RoutingSolution> next() {
                for (int attempt = 0; attempt < 10; attempt++) {
                    int i = random.nextInt(visits.length);
                    Visit visit = visits[i];
                    Visit neighbour = nearest[i][random.nextInt(nearest[i].length)];
                    Move<RoutingSolution> move = move(variable, visit, neighbour, random.nextInt(4));
                    if (move != null) {
                        return move;
                    }
                }
                // Nothing near is assigned yet: a move that does nothing, which the local search skips.
                Visit any = visits[random.nextInt(visits.length)];
                return new ListChangeMove<>(variable, any.getVehicle(), 0, any.getVehicle(), 0);
            }
        };
    }

    private static Move<RoutingSolution> move(ListVariableDescriptor<RoutingSolution> variable, Visit visit,
            Visit neighbour, int kind) {
        VehicleRoute target = neighbour.getVehicle();
        if (target == null) {
            return null;
        }
        int neighbourIndex = target.getVisits().indexOf(neighbour);
        VehicleRoute source = visit.getVehicle();
        if (kind < 2) {
            // relocate: after (kind 0) or before (kind 1) the neighbour
            int destination = neighbourIndex + (kind == 0 ? 1 : 0);
            if (source == null) {
                return new ListAssignMove<>(variable, visit, target, destination);
            }
            int sourceIndex = source.getVisits().indexOf(visit);
            if (source == target && sourceIndex < destination) {
                destination--; // the list is one shorter once the visit is taken out
            }
            return new ListChangeMove<>(variable, source, sourceIndex, target, destination);
        }
        if (source == null) {
            return null;
        }
        // swap with the neighbour's successor (kind 2) or predecessor (kind 3): the visit lands next to it
        int otherIndex = neighbourIndex + (kind == 2 ? 1 : -1);
        if (otherIndex < 0 || otherIndex >= target.getVisits().size()) {
            return null;
        }
        int sourceIndex = source.getVisits().indexOf(visit);
        if (source == target && sourceIndex == otherIndex) {
            return null;
        }
        return new ListSwapMove<>(variable, source, sourceIndex, target, otherIndex);
    }
}
