package org.kontor.platform.persistence;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Named SQL parameters from a record's components plus one extra value (typically the timestamp). */
public final class SqlParams {

    private SqlParams() {
    }

    public static SqlParameterSource of(Object record, String name, Object value) {
        SqlParameterSource extra = new MapSqlParameterSource(name, value);
        SqlParameterSource base = new SimplePropertySqlParameterSource(record);
        return new SqlParameterSource() {
            @Override
            public boolean hasValue(String paramName) {
                return extra.hasValue(paramName) || base.hasValue(paramName);
            }

            @Override
            public Object getValue(String paramName) {
                return extra.hasValue(paramName) ? extra.getValue(paramName) : base.getValue(paramName);
            }

            @Override
            public int getSqlType(String paramName) {
                return extra.hasValue(paramName) ? extra.getSqlType(paramName) : base.getSqlType(paramName);
            }
        };
    }
}
