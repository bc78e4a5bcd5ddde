import SQLKit

extension SQLSelectBuilder {
    /// Joins a disclosure `d` to its published version as `v`, the words residents see.
    func joinPublishedVersion(method: SQLJoinMethod = .inner) -> Self {
        join(
            SQLAlias(SQLIdentifier("disclosure_versions"), as: SQLIdentifier("v")), method: method,
            on: SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("disclosure_id", table: "v"), .equal, SQLColumn("id", table: "d")), .and,
                SQLBinaryExpression(SQLColumn("number", table: "v"), .equal, SQLColumn("published_version", table: "d")))
        )
    }

    /// Joins a disclosure `d` to its catalog item as `c`.
    func joinCatalogItem() -> Self {
        join(
            SQLAlias(SQLIdentifier("catalog_items"), as: SQLIdentifier("c")), on: SQLColumn("id", table: "c"), .equal,
            SQLColumn("catalog_item_id", table: "d"))
    }
}
