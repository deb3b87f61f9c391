package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import ai.timefold.solver.core.impl.heuristic.move.CompositeMove;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListAssignMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListUnassignMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.SubListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.SubListSwapMove;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Moves that put a visit next to one of its nearest visits: relocate before/after, swap with a neighbour's
 * predecessor/successor, 2-opt* (exchange the rest of two routes so that the neighbour follows the visit), and
 * for a visit left out during route elimination, insertion next to the neighbour or ejection of one to three
 * visits around that place. Timefold's own nearby selection is an Enterprise feature; without it random list moves
 * mostly pair visits at opposite ends of the map and are rejected, so this factory narrows the search the same
 * way. It builds Timefold's standard list moves (implementation classes, the only way a custom factory can make
 * them in 1.x), so undo and incremental scoring work as for the built-in selectors.
 */
public class NearbyMoveFactory implements MoveIteratorFactory<RoutingSolution, Move<RoutingSolution>> {

    /** Neighbours considered per visit: enough to reach the next cluster, few enough to stay focused. */
    static final int NEIGHBOURS = 16;
    /** Relocate after/before, swap with successor/predecessor, exchange of tails. */
    private static final int KINDS = 5;
    /** At most this many visits leave a route for one that is left out. */
    static final int MAX_EJECTED = 3;

    private Indexed[] visits;
    private Visit[][] nearest;

    /** A visit and its row in {@link #nearest}. */
    private record Indexed(Visit visit, int index) {
    }

    @Override
    public void phaseStarted(ScoreDirector<RoutingSolution> scoreDirector) {
        List<Visit> all = scoreDirector.getWorkingSolution().getVisits();
        visits = new Indexed[all.size()];
        for (int i = 0; i < visits.length; i++) {
            visits[i] = new Indexed(all.get(i), i);
        }
        int k = Math.min(NEIGHBOURS, all.size() - 1);
        nearest = new Visit[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            Visit from = all.get(i);
            DistanceMatrix matrix = from.getMatrix();
            nearest[i] = all.stream().filter(v -> v != from)
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
        return visits == null ? 0 : (long) visits.length * NEIGHBOURS * KINDS;
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
                    Indexed picked = pick(random);
                    Visit[] near = nearest[picked.index];
                    Visit neighbour = near[random.nextInt(near.length)];
                    int kind = random.nextInt(KINDS);
                    Move<RoutingSolution> move = picked.visit.getVehicle() == null && kind >= 2
                            ? ejection(variable, picked.visit, neighbour, random)
                            : move(variable, picked.visit, neighbour, kind);
                    if (move != null) {
                        return move;
                    }
                }
                // Nothing near is assigned yet: a move that does nothing, which the local search skips.
                Visit any = visits[random.nextInt(visits.length)].visit;
                return new ListChangeMove<>(variable, any.getVehicle(), 0, any.getVehicle(), 0);
            }
        };
    }

    /**
     * A random visit; while some are unassigned (route elimination), one of them in about a quarter of the picks,
     * so that their insertion and ejection moves are tried far more often than their share of all visits.
     */
    private Indexed pick(Random random) {
        if (random.nextInt(4) == 0) {
            for (int tries = 0; tries < 8; tries++) {
                Indexed candidate = visits[random.nextInt(visits.length)];
                if (candidate.visit.getVehicle() == null) {
                    return candidate;
                }
            }
        }
        return visits[random.nextInt(visits.length)];
    }

    static Move<RoutingSolution> move(ListVariableDescriptor<RoutingSolution> variable, Visit visit,
            Visit neighbour, int kind) {
        VehicleRoute target = neighbour.getVehicle();
        if (target == null) {
            return null;
        }
        int neighbourIndex = target.getVisits().indexOf(neighbour);
        VehicleRoute source = visit.getVehicle();
        if (source == null && kind >= 2) {
            return null;
        }
        if (kind == 4) {
            return tailExchange(variable, visit, source, neighbour, target, neighbourIndex);
        }
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

    /**
     * 2-opt*: the visit's route continues with the neighbour and the rest of the neighbour's route, and the
     * neighbour's route continues with what followed the visit. The classic move between routes with time
     * windows: both tails keep their order, so their timing mostly holds, and a short tail can be handed over whole
     * (the way a route empties).
     */
    static Move<RoutingSolution> tailExchange(ListVariableDescriptor<RoutingSolution> variable, Visit visit,
            VehicleRoute route, Visit neighbour, VehicleRoute other, int neighbourIndex) {
        if (route == other) {
            return null;
        }
        int index = route.getVisits().indexOf(visit);
        int size = route.getVisits().size();
        int otherSize = other.getVisits().size();
        if (index == size - 1) {
            // nothing follows the visit: the neighbour's tail just moves behind it
            return new SubListChangeMove<>(variable, other, neighbourIndex, otherSize - neighbourIndex, route, size, false);
        }
        return new SubListSwapMove<>(variable, route, index + 1, size, other, neighbourIndex, otherSize, false);
    }

    /**
     * An unassigned visit goes next to a neighbour and one to three visits around that place leave the route (the
     * ejection of ejection-pool route minimisation). With equal weights it trades left-out visits; it pays off
     * once the visit that keeps being left out weighs more than those it pushes out, and it reaches plans that
     * moves of assigned visits cannot, because the way there leads through plans that break a time window.
     */
    static Move<RoutingSolution> ejection(ListVariableDescriptor<RoutingSolution> variable, Visit visit,
            Visit neighbour, Random random) {
        VehicleRoute route = neighbour.getVehicle();
        if (visit.getVehicle() != null || route == null) {
            return null;
        }
        int size = route.getVisits().size();
        int insertAt = route.getVisits().indexOf(neighbour) + random.nextInt(2); // before or after the neighbour
        int ejected = Math.min(size, 1 + random.nextInt(MAX_EJECTED));
        // the ejected run covers the insertion point or ends or starts up to two places from it
        int first = insertAt - ejected - 1 + random.nextInt(ejected + 4);
        first = Math.max(0, Math.min(size - ejected, first));
        List<Move<RoutingSolution>> moves = new ArrayList<>();
        for (int i = 0; i < ejected; i++) {
            moves.add(new ListUnassignMove<>(variable, route, first)); // the next one slides into place
        }
        int destination = insertAt > first ? Math.max(first, insertAt - ejected) : insertAt;
        moves.add(new ListAssignMove<>(variable, visit, route, Math.min(destination, size - ejected)));
        return CompositeMove.buildMove(moves);
    }
}
