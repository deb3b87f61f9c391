package org.kontor.inventory.count;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** stock_count, stock_count_line, stock_count_problem. Lines are written and changed in JDBC batches. */
@Repository
class StockCountRepository {

    private static final String LINE_COLUMNS = "count_id, line_no, sku, bins, counted_quantity, counted_at, recounts, "
            + "expected_quantity, variance, unit_price, variance_value, abc_class, decision, decision_reason, status, "
            + "decided_by, posted_quantity";

    /** What evaluating or posting a line changes. */
    record LineUpdate(int lineNo, Integer expectedQuantity, Integer variance, BigDecimal varianceValue, String decision,
            String decisionReason, LineStatus status, String decidedBy, Integer postedQuantity) {
    }

    /*
     * Explicit mappers: the by-name record mapper probes camelCase column names first, and on H2 every miss is an
     * exception written to the trace file - per column and row, which dominated reading 200,000-line counts.
     */
    private static final RowMapper<CountLine> LINE = (rs, i) -> new CountLine(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), (Integer) rs.getObject(5, Integer.class),
            rs.getObject(6, LocalDateTime.class), rs.getInt(7), rs.getObject(8, Integer.class),
            rs.getObject(9, Integer.class), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
            rs.getString(13), rs.getString(14), LineStatus.valueOf(rs.getString(15)), rs.getString(16),
            rs.getObject(17, Integer.class));

    private static final String COUNT_COLUMNS = "count_id, source, status, file_name, content_type, counted_at, "
            + "created_by, process_instance_id, rows_read, problem_count, decision_version, report_file, created_at, updated_at";

    private static final RowMapper<StockCount> COUNT = (rs, i) -> new StockCount(rs.getString(1),
            CountSource.valueOf(rs.getString(2)), CountStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
            rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
            rs.getString(11), rs.getString(12), rs.getObject(13, LocalDateTime.class), rs.getObject(14, LocalDateTime.class));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    StockCountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    void insert(String countId, CountSource source, CountStatus status, String fileName, String contentType,
            LocalDateTime countedAt, String createdBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        INSERT INTO stock_count (count_id, source, status, file_name, content_type, counted_at, created_by,
                                                 rows_read, problem_count, created_at, updated_at)
                        VALUES (:id, :source, :status, :fileName, :contentType, :countedAt, :createdBy, 0, 0, :now, :now)""")
                .param("id", countId).param("source", source.name()).param("status", status.name())
                .param("fileName", fileName).param("contentType", contentType).param("countedAt", countedAt)
                .param("createdBy", createdBy).param("now", now).update();
    }

    Optional<StockCount> find(String countId) {
        return jdbc.sql("SELECT " + COUNT_COLUMNS + " FROM stock_count WHERE count_id = :id")
                .param("id", countId).query(COUNT).optional();
    }

    List<StockCount> recent(int limit, int offset) {
        return jdbc.sql("SELECT " + COUNT_COLUMNS + " FROM stock_count ORDER BY created_at DESC, count_id "
                        + "LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(COUNT).list();
    }

    void update(String countId, String column, Object value) {
        // column names come from this package only, never from a request
        jdbc.sql("UPDATE stock_count SET " + column + " = :value, updated_at = :now WHERE count_id = :id")
                .param("value", value instanceof Enum<?> e ? e.name() : value).param("now", LocalDateTime.now(clock))
                .param("id", countId).update();
    }

    void addProblemCount(String countId, int more) {
        jdbc.sql("UPDATE stock_count SET problem_count = problem_count + :more WHERE count_id = :id")
                .param("more", more).param("id", countId).update();
    }

    /** Forgets what an earlier, failed attempt at reading the sheet wrote (the step is retried from scratch). */
    void clearLinesAndProblems(String countId) {
        jdbc.sql("DELETE FROM stock_count_problem WHERE count_id = :id").param("id", countId).update();
        jdbc.sql("DELETE FROM stock_count_line WHERE count_id = :id").param("id", countId).update();
    }

    void insertLines(List<CountLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        SqlParameterSource[] params = lines.stream().map(l -> new MapSqlParameterSource()
                .addValue("countId", l.countId()).addValue("lineNo", l.lineNo()).addValue("sku", l.sku())
                .addValue("bins", l.bins()).addValue("counted", l.countedQuantity()).addValue("countedAt", l.countedAt())
                .addValue("recounts", l.recounts()).addValue("unitPrice", l.unitPrice()).addValue("abc", l.abcClass())
                .addValue("status", l.status().name()).addValue("now", now)).toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO stock_count_line (count_id, line_no, sku, bins, counted_quantity, counted_at, recounts,
                                              unit_price, abc_class, status, updated_at)
                VALUES (:countId, :lineNo, :sku, :bins, :counted, :countedAt, :recounts, :unitPrice, :abc, :status, :now)""",
                params);
    }

    void insertProblems(String countId, List<CountProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        SqlParameterSource[] params = problems.stream().map(p -> new MapSqlParameterSource()
                .addValue("countId", countId).addValue("row", p.row()).addValue("sku", truncate(p.sku(), 64))
                .addValue("column", truncate(p.column(), 64)).addValue("reason", truncate(p.reason(), 500)))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("INSERT INTO stock_count_problem (count_id, row_no, sku, column_name, reason) "
                + "VALUES (:countId, :row, :sku, :column, :reason)", params);
    }

    /**
     * Lines of {@code statuses} with line numbers in (from, to]: a range of the primary key, so walking a count
     * window by window costs the same for every window however many lines have which status.
     */
    List<CountLine> window(String countId, Collection<LineStatus> statuses, int from, int to) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM stock_count_line WHERE count_id = :id AND line_no > :from "
                        + "AND line_no <= :to AND status IN (:statuses) ORDER BY line_no")
                .param("id", countId).param("from", from).param("to", to)
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(LINE).list();
    }

    /** All lines with line numbers in (from, to] (line numbers of a count are 1..n without gaps). */
    List<CountLine> window(String countId, int from, int to) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM stock_count_line WHERE count_id = :id AND line_no > :from "
                        + "AND line_no <= :to ORDER BY line_no")
                .param("id", countId).param("from", from).param("to", to).query(LINE).list();
    }

    void updateLines(String countId, List<LineUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        SqlParameterSource[] params = updates.stream().map(u -> new MapSqlParameterSource()
                .addValue("countId", countId).addValue("lineNo", u.lineNo()).addValue("expected", u.expectedQuantity())
                .addValue("variance", u.variance()).addValue("value", u.varianceValue()).addValue("decision", u.decision())
                .addValue("reason", truncate(u.decisionReason(), 200)).addValue("status", u.status().name())
                .addValue("decidedBy", u.decidedBy()).addValue("posted", u.postedQuantity()).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                UPDATE stock_count_line SET expected_quantity = :expected, variance = :variance, variance_value = :value,
                       decision = COALESCE(:decision, decision), decision_reason = COALESCE(:reason, decision_reason),
                       status = :status, decided_by = COALESCE(:decidedBy, decided_by), posted_quantity = :posted,
                       updated_at = :now
                 WHERE count_id = :countId AND line_no = :lineNo""", params);
    }

    /** A supervisor's or clerk's decision on lines: new status and who decided. */
    void decide(String countId, Collection<Integer> lineNos, LineStatus status, String decidedBy) {
        if (lineNos.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Integer> all = new ArrayList<>(lineNos);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("UPDATE stock_count_line SET status = :status, decided_by = :by, updated_at = :now "
                            + "WHERE count_id = :id AND line_no IN (:lines)")
                    .param("status", status.name()).param("by", decidedBy).param("now", now).param("id", countId)
                    .param("lines", all.subList(from, Math.min(all.size(), from + 500))).update();
        }
    }

    /** A (re)count entered by a clerk: the line is compared with the books again. */
    void recount(String countId, int lineNo, int counted, LocalDateTime countedAt, boolean isRecount) {
        jdbc.sql("""
                        UPDATE stock_count_line SET counted_quantity = :counted, counted_at = :countedAt,
                               recounts = recounts + :more, status = 'OPEN', expected_quantity = NULL, variance = NULL,
                               variance_value = NULL, decision = NULL, decision_reason = NULL, updated_at = :now
                         WHERE count_id = :id AND line_no = :lineNo""")
                .param("counted", counted).param("countedAt", countedAt).param("more", isRecount ? 1 : 0)
                .param("now", LocalDateTime.now(clock)).param("id", countId).param("lineNo", lineNo).update();
    }

    Map<LineStatus, Long> countByStatus(String countId) {
        Map<LineStatus, Long> counts = new EnumMap<>(LineStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM stock_count_line WHERE count_id = :id GROUP BY status")
                .param("id", countId)
                .query((rs, i) -> Map.entry(LineStatus.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<CountProblem> problems(String countId, int limit) {
        return jdbc.sql("SELECT row_no, sku, column_name, reason FROM stock_count_problem WHERE count_id = :id "
                        + "ORDER BY id LIMIT :limit")
                .param("id", countId).param("limit", limit)
                .query((rs, i) -> new CountProblem(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    int storedProblems(String countId) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_count_problem WHERE count_id = :id").param("id", countId)
                .query(Integer.class).single();
    }

    int maxLineNo(String countId) {
        Integer max = jdbc.sql("SELECT MAX(line_no) FROM stock_count_line WHERE count_id = :id").param("id", countId)
                .query(Integer.class).single();
        return max == null ? 0 : max;
    }

    /** When each SKU was last counted and posted: for choosing what the next cycle count takes. */
    Map<String, LocalDateTime> lastPostedCounts() {
        Map<String, LocalDateTime> last = new HashMap<>();
        jdbc.sql("SELECT sku, MAX(counted_at) FROM stock_count_line WHERE status = 'POSTED' GROUP BY sku")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list()
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    /** SKUs of open cycle counts or recounts: not chosen again while a clerk still has them. */
    List<String> skusBeingCounted() {
        return jdbc.sql("SELECT DISTINCT sku FROM stock_count_line WHERE status IN ('TO_COUNT', 'RECOUNT')")
                .query(String.class).list();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
