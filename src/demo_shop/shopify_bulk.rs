//! Shopify's bulk queries as the demo shop answers them (https://shopify.dev/docs/api/usage/bulk-operations/queries):
//! `bulkOperationRunQuery` checked as Shopify checks it (connections through `edges { node }`, at most five,
//! nested at most two deep, the parent of a nested connection selecting `id`; one operation at a time before
//! API 2026-01, five from it), the operation CREATED → RUNNING → COMPLETED while the file is written, `node(id:)`
//! and `currentBulkOperation` answering its state with the counts as strings, and the result served as JSONL:
//! every order, then every return, then every return line, each nested node naming its parent in
//! `__parentId` and never next to it (`groupObjects: false`, the 2026-01 default), so a client that relies on
//! adjacency gets it wrong here.

use super::state::DemoState;
use crate::timefmt::to_rfc3339;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone)]
pub struct Op {
    pub id: String,
    pub status: &'static str,
    pub created_at: i64,
    pub completed_at: Option<i64>,
    pub objects: u64,
    pub roots: u64,
    pub file: Option<Arc<Vec<u8>>>,
}

#[derive(Default)]
pub struct Ops {
    next: u64,
    pub ops: HashMap<String, Op>,
}

impl Ops {
    fn running(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.ops.values().filter(|o| matches!(o.status, "CREATED" | "RUNNING")).map(|o| o.id.clone()).collect();
        ids.sort();
        ids
    }
}

/// What a GraphQL request asks of bulk operations, if anything.
pub enum Ask {
    Run { query: String },
    State { id: Option<String> },
}

pub fn recognise(request: &Value) -> Option<Ask> {
    let text = request["query"].as_str()?;
    if text.contains("bulkOperationRunQuery") {
        let query = request["variables"]["query"].as_str().map(str::to_string).or_else(|| inline_query(text)).unwrap_or_default();
        return Some(Ask::Run { query });
    }
    if text.contains("currentBulkOperation") {
        return Some(Ask::State { id: None });
    }
    if text.contains("BulkOperation") && (text.contains("node(") || text.contains("bulkOperation(")) {
        let id = request["variables"]["id"].as_str().map(str::to_string);
        return Some(Ask::State { id });
    }
    None
}

/// `bulkOperationRunQuery(query: """…""")` written inline.
fn inline_query(text: &str) -> Option<String> {
    let start = text.find("\"\"\"")? + 3;
    let end = start + text[start..].find("\"\"\"")?;
    Some(text[start..end].to_string())
}

fn user_error(message: &str, code: &str, field: Value) -> Value {
    json!({"data": {"bulkOperationRunQuery": {"bulkOperation": null, "userErrors": [{"field": field, "message": message, "code": code}]}}})
}

/// Shopify's checks of a bulk query, with its words; Ok(the orders search string).
fn check(query: &str) -> Result<Option<String>, Value> {
    let invalid = |m: &str| user_error(m, "INVALID", json!(["query"]));
    let words: Vec<&str> = query.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    if query.trim_start().starts_with("mutation") {
        return Err(invalid("Invalid operation type. Only `query` operations are supported."));
    }
    if words.contains(&"nodes") {
        return Err(invalid("All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: 'orders { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: 'orders'."));
    }
    if !query.contains("edges") {
        return Err(invalid("Bulk queries must contain at least one connection."));
    }
    let connections = words.iter().filter(|w| **w == "edges").count();
    if connections > 5 {
        return Err(invalid("Bulk queries cannot contain more than 5 connections."));
    }
    // The nesting of connections: `edges` inside `edges`.
    let mut depth = 0usize;
    let mut stack: Vec<bool> = vec![];
    let mut deepest = 0usize;
    let mut rest = query;
    while let Some(i) = rest.find(['{', '}']) {
        let before = &rest[..i];
        if rest.as_bytes()[i] == b'{' {
            let is_edges = before.trim_end().ends_with("edges");
            if is_edges {
                depth += 1;
                deepest = deepest.max(depth);
            }
            stack.push(is_edges);
        } else if stack.pop() == Some(true) {
            depth -= 1;
        }
        rest = &rest[i + 1..];
    }
    if deepest > 3 {
        return Err(invalid("Bulk queries cannot contain connections with a nesting depth greater than 2."));
    }
    // Every node that holds a nested connection selects `id` first among its fields, as this shop checks it.
    for part in query.split("node {").skip(1) {
        let own = part.split('{').next().unwrap_or_default();
        let holds_connection = part.split("node {").next().unwrap_or_default().contains("edges");
        if holds_connection && !own.split_whitespace().any(|w| w == "id") {
            return Err(invalid("The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': orders."));
        }
    }
    if !words.contains(&"orders") || !words.contains(&"returns") {
        return Err(invalid("The demo shop runs bulk queries of orders with their returns only."));
    }
    // orders(query: "…"): the search, as a JSON string literal.
    let search = query.split("orders(").nth(1).and_then(|args| {
        let at = args.find("query:")? + 6;
        let text = args[at..].trim_start();
        let de = serde_json::Deserializer::from_str(text);
        let mut stream = de.into_iter::<String>();
        stream.next()?.ok()
    });
    Ok(search.filter(|s| !s.trim().is_empty()))
}

/// The answer to a bulk request, and the operation to run when one was created.
pub fn answer(ops: &mut Ops, ask: &Ask, version: &str, now: i64, base_url: &str) -> (Value, Option<(String, Option<String>)>) {
    match ask {
        Ask::Run { query } => {
            let search = match check(query) {
                Ok(s) => s,
                Err(e) => return (e, None),
            };
            let limit = if version >= "2026-01" { 5 } else { 1 };
            let running = ops.running();
            if running.len() >= limit {
                let message = format!("A bulk query operation for this app and shop is already in progress: {}.", running.join(", "));
                return (user_error(&message, "OPERATION_IN_PROGRESS", Value::Null), None);
            }
            ops.next += 1;
            let id = format!("gid://shopify/BulkOperation/{}", 720_000 + ops.next);
            ops.ops.insert(id.clone(), Op { id: id.clone(), status: "CREATED", created_at: now, completed_at: None, objects: 0, roots: 0, file: None });
            (json!({"data": {"bulkOperationRunQuery": {"bulkOperation": {"id": id, "status": "CREATED"}, "userErrors": []}}}), Some((id, search)))
        }
        Ask::State { id } => {
            let op = match id {
                Some(id) => ops.ops.get(id),
                None => ops.ops.values().max_by_key(|o| (o.created_at, o.id.clone())),
            };
            let node = op.map(|o| state_json(o, base_url)).unwrap_or(Value::Null);
            let key = if id.is_some() { "node" } else { "currentBulkOperation" };
            (json!({"data": {key: node}}), None)
        }
    }
}

fn state_json(o: &Op, base_url: &str) -> Value {
    let size = o.file.as_ref().map(|f| f.len());
    json!({
        "id": o.id,
        "status": o.status,
        "errorCode": null,
        "createdAt": to_rfc3339(o.created_at),
        "completedAt": o.completed_at.map(to_rfc3339),
        // UnsignedInt64: strings.
        "objectCount": o.objects.to_string(),
        "rootObjectCount": o.roots.to_string(),
        "fileSize": size.filter(|s| *s > 0).map(|s| s.to_string()),
        "url": size.filter(|s| *s > 0).map(|_| format!("{base_url}/_demo/bulk/{}.jsonl", o.id.rsplit('/').next().unwrap_or_default())),
        "partialDataUrl": null,
    })
}

/// The result file of orders matching `search`: orders first, then their returns, then the return lines. An
/// order planted hostile has its returns spoiled here as on the paged query: the same bad data either way.
pub fn result(state: &DemoState, search: Option<&str>, plants: &[(usize, super::planted::Hostile)]) -> Result<(Vec<u8>, u64, u64), String> {
    let filter = super::shopify_graphql::search_filter(search.unwrap_or(""))?;
    let (mut orders, mut returns, mut lines) = (vec![], vec![], vec![]);
    for (_, _, pos) in state.updated_since(filter.updated_min.unwrap_or(i64::MIN)) {
        let o = &state.orders[pos];
        if !filter.matches(o) {
            continue;
        }
        let gid = format!("gid://shopify/Order/{}", o.id);
        orders.push(json!({"id": gid, "legacyResourceId": o.id.to_string(), "updatedAt": to_rfc3339(o.updated_at)}).to_string());
        let mut node = json!({"returns": {"nodes": o.returns.iter().map(|r| json!({
            "id": format!("gid://shopify/Return/{}", r.id), "name": r.name, "status": r.status, "createdAt": to_rfc3339(r.created_at),
            "closedAt": r.closed_at.map(to_rfc3339), "totalQuantity": r.lines.iter().map(|l| l.1).sum::<i64>(), "__parentId": gid,
        })).collect::<Vec<_>>()}});
        if let Some((_, h)) = plants.iter().find(|(at, _)| *at == pos) {
            super::planted::apply(super::DemoPlatform::Shopify, *h, super::planted::Part::Returns, &mut node);
        }
        for spoiled in node["returns"]["nodes"].as_array().into_iter().flatten() {
            returns.push(spoiled.to_string());
        }
        for r in &o.returns {
            let rid = format!("gid://shopify/Return/{}", r.id);
            for (i, (line, qty, reason)) in r.lines.iter().enumerate() {
                lines.push(
                    json!({
                        "id": format!("gid://shopify/ReturnLineItem/{}{:02}", r.id, i), "quantity": qty, "returnReason": reason,
                        "fulfillmentLineItem": {"lineItem": {"id": format!("gid://shopify/LineItem/{line}")}}, "__parentId": rid,
                    })
                    .to_string(),
                );
            }
        }
    }
    let roots = orders.len() as u64;
    let objects = (orders.len() + returns.len() + lines.len()) as u64;
    let mut out = Vec::new();
    for l in orders.iter().chain(&returns).chain(&lines) {
        out.extend_from_slice(l.as_bytes());
        out.push(b'\n');
    }
    Ok((out, objects, roots))
}
