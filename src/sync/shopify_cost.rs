//! The requested cost of a GraphQL Admin query as Shopify documents it
//! (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"): scalars and enums
//! cost 0, an object 1, a connection "sized by `first` and `last`" (2 plus that many times its node, so nested
//! connections multiply), an interface the maximum of its possible selections, a mutation 10; "a single query
//! may not exceed a cost of 1,000 points", enforced before it runs. Without the schema, a field with a
//! selection set is an object and one with `first`/`last` a connection. The connector sizes its pages by it;
//! the demo shop charges and refuses by it.

use serde_json::Value;

/// "A single query may not exceed a cost of 1,000 points, regardless of plan limits."
pub const SINGLE_QUERY_MAX: u64 = 1000;
const MUTATION: u64 = 10;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Punct(char),
    Spread,
    Literal(String),
    Variable(String),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = vec![];
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() || c == ',' => i += 1,
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' => {
                // A block string ("""…""") or a plain one, escapes included.
                let block = chars[i..].starts_with(&['"', '"', '"']);
                i += if block { 3 } else { 1 };
                let start = i;
                loop {
                    if i >= chars.len() {
                        return Err("a string is not closed".into());
                    }
                    if block && chars[i..].starts_with(&['"', '"', '"']) {
                        out.push(Token::Literal(chars[start..i].iter().collect()));
                        i += 3;
                        break;
                    }
                    if !block && chars[i] == '\\' {
                        i += 2;
                        continue;
                    }
                    if !block && chars[i] == '"' {
                        out.push(Token::Literal(chars[start..i].iter().collect()));
                        i += 1;
                        break;
                    }
                    i += 1;
                }
            }
            '.' if chars[i..].starts_with(&['.', '.', '.']) => {
                out.push(Token::Spread);
                i += 3;
            }
            '$' => {
                let start = i + 1;
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(Token::Variable(chars[start..i].iter().collect()));
            }
            c if c.is_alphanumeric() || c == '_' || c == '-' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.' || chars[i] == '-') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if word.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                    out.push(Token::Literal(word));
                } else {
                    out.push(Token::Name(word));
                }
            }
            '{' | '}' | '(' | ')' | ':' | '[' | ']' | '!' | '=' | '@' => {
                out.push(Token::Punct(c));
                i += 1;
            }
            other => return Err(format!("unexpected '{other}' in the query")),
        }
    }
    Ok(out)
}

struct Parser<'a> {
    t: Vec<Token>,
    at: usize,
    vars: &'a Value,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.t.get(self.at)
    }

    fn punct(&mut self, c: char) -> Result<(), String> {
        match self.t.get(self.at) {
            Some(Token::Punct(p)) if *p == c => {
                self.at += 1;
                Ok(())
            }
            other => Err(format!("expected '{c}', found {other:?}")),
        }
    }

    /// Skips a balanced (…) or […] or {…} starting at the current token.
    fn skip_balanced(&mut self, open: char, close: char) -> Result<(), String> {
        self.punct(open)?;
        let mut depth = 1;
        while depth > 0 {
            match self.t.get(self.at) {
                None => return Err(format!("'{open}' is not closed")),
                Some(Token::Punct(p)) if *p == open => depth += 1,
                Some(Token::Punct(p)) if *p == close => depth -= 1,
                _ => {}
            }
            self.at += 1;
        }
        Ok(())
    }

    /// `(name: value, …)`: the page size it asks for (`first` or `last`), if any.
    fn arguments(&mut self) -> Result<Option<u64>, String> {
        self.punct('(')?;
        let mut size = None;
        loop {
            match self.peek() {
                Some(Token::Punct(')')) => {
                    self.at += 1;
                    return Ok(size);
                }
                Some(Token::Name(name)) => {
                    let name = name.clone();
                    self.at += 1;
                    self.punct(':')?;
                    let value = self.value()?;
                    if name == "first" || name == "last" {
                        size = value.or(size);
                    }
                }
                other => return Err(format!("expected an argument, found {other:?}")),
            }
        }
    }

    /// One argument value; a number (or a variable holding one) is returned.
    fn value(&mut self) -> Result<Option<u64>, String> {
        match self.peek().cloned() {
            Some(Token::Literal(l)) => {
                self.at += 1;
                Ok(l.parse().ok())
            }
            Some(Token::Variable(v)) => {
                self.at += 1;
                Ok(self.vars.get(&v).and_then(Value::as_u64))
            }
            Some(Token::Name(_)) => {
                self.at += 1;
                Ok(None)
            }
            Some(Token::Punct('[')) => self.skip_balanced('[', ']').map(|_| None),
            Some(Token::Punct('{')) => self.skip_balanced('{', '}').map(|_| None),
            other => Err(format!("expected a value, found {other:?}")),
        }
    }

    fn directives(&mut self) -> Result<(), String> {
        while let Some(Token::Punct('@')) = self.peek() {
            self.at += 1;
            self.at += 1; // the directive's name
            if let Some(Token::Punct('(')) = self.peek() {
                self.skip_balanced('(', ')')?;
            }
        }
        Ok(())
    }

    /// `{ … }`: the summed cost of its fields (inline fragments: the costliest of them, an interface's rule).
    fn selection_set(&mut self) -> Result<u64, String> {
        self.punct('{')?;
        let (mut sum, mut fragments) = (0, 0);
        loop {
            match self.peek().cloned() {
                Some(Token::Punct('}')) => {
                    self.at += 1;
                    return Ok(sum + fragments);
                }
                Some(Token::Spread) => {
                    self.at += 1;
                    if let Some(Token::Name(on)) = self.peek() {
                        if on == "on" {
                            self.at += 2; // `on` and the type
                        } else {
                            return Err("named fragments are not sized here".into());
                        }
                    }
                    self.directives()?;
                    fragments = fragments.max(self.selection_set()?);
                }
                Some(Token::Name(_)) => sum += self.field()?,
                other => return Err(format!("expected a field, found {other:?}")),
            }
        }
    }

    fn field(&mut self) -> Result<u64, String> {
        let mut name = match self.peek().cloned() {
            Some(Token::Name(n)) => n,
            other => return Err(format!("expected a field, found {other:?}")),
        };
        self.at += 1;
        if let Some(Token::Punct(':')) = self.peek() {
            self.at += 1; // an alias: the field's name follows
            name = match self.peek().cloned() {
                Some(Token::Name(n)) => n,
                other => return Err(format!("expected a field after an alias, found {other:?}")),
            };
            self.at += 1;
        }
        let size = if let Some(Token::Punct('(')) = self.peek() { self.arguments()? } else { None };
        self.directives()?;
        if !matches!(self.peek(), Some(Token::Punct('{'))) {
            return Ok(0); // a scalar or an enum
        }
        let children = self.selection_set()?;
        Ok(match (size, name.as_str()) {
            // `edges { node { … } }` / `nodes { … }` inside a connection: the node is an object (the last arm),
            // counted once per item by the connection, whose `pageInfo` is part of its 2.
            (_, "edges") => children,
            (_, "pageInfo") => 0,
            (Some(n), _) => 2 + n * children.max(1),
            (None, _) => 1 + children,
        })
    }
}

/// The requested cost of a query document (its first operation) with its variables.
pub fn requested_cost(query: &str, variables: &Value) -> Result<u64, String> {
    let mut p = Parser { t: tokens(query)?, at: 0, vars: variables };
    let mutation = matches!(p.peek(), Some(Token::Name(n)) if n == "mutation");
    // The operation's header (`query Name($first: Int!) @dir`) up to its selection set.
    while let Some(t) = p.peek() {
        match t {
            Token::Punct('{') => break,
            Token::Punct('(') => p.skip_balanced('(', ')')?,
            _ => p.at += 1,
        }
    }
    let root = p.selection_set()?;
    Ok(if mutation { MUTATION } else { root })
}

/// The largest page (`first`) of a connection whose every item costs `item` points that keeps the query
/// under the single-query maximum, with `rest` points asked for besides it.
pub fn largest_page(item: u64, rest: u64, wanted: u64) -> u64 {
    (SINGLE_QUERY_MAX.saturating_sub(2 + rest) / item.max(1)).clamp(1, wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shopify_examples() {
        // shopify-api-js#602: the requested cost Shopify reported for this query was 12.
        assert_eq!(requested_cost("{ customers(first: 10) { nodes { id firstName lastName email phone } } }", &json!({})), Ok(12));
        // The docs' object example: a shop with scalar fields is one object.
        assert_eq!(requested_cost("query { shop { name currencyCode } }", &json!({})), Ok(1));
        assert_eq!(requested_cost("mutation { bulkOperationRunQuery(query: \"\"\"{ orders { edges { node { id } } } }\"\"\") { bulkOperation { id status } userErrors { field message } } }", &json!({})), Ok(10));
    }

    #[test]
    fn nested_connections_multiply() {
        let q = "query Q($first: Int!) { orders(first: $first) { pageInfo { hasNextPage endCursor } edges { node { id
            returns(first: 10) { edges { node { id returnLineItems(first: 10) { edges { node { id quantity } } } } } } } } } }";
        // returnLineItems 2 + 10×1 = 12; returns 2 + 10×(1 + 12) = 132; orders 2 + 50×(1 + 132) = 6652.
        assert_eq!(requested_cost(q, &json!({"first": 50})), Ok(6652));
        assert_eq!(requested_cost(q, &json!({"first": 7})), Ok(933));
        assert_eq!(largest_page(133, 0, 50), 7);
    }

    #[test]
    fn an_interface_costs_its_costliest_fragment() {
        let q = "{ orders(first: 1) { nodes { id returns(first: 2) { nodes { returnLineItems(first: 3) { nodes {
            ... on ReturnLineItem { quantity fulfillmentLineItem { lineItem { id } } }
            ... on UnverifiedReturnLineItem { unitPrice { amount } } } } } } } } }";
        // A line: 1 + max(fulfillmentLineItem 1 + lineItem 1, unitPrice 1) = 3; lines 2 + 3×3 = 11;
        // returns 2 + 2×(1 + 11) = 26; orders 2 + 1×(1 + 26) = 29.
        assert_eq!(requested_cost(q, &json!({})), Ok(29));
    }

    #[test]
    fn what_is_not_a_query_is_refused_by_name() {
        assert!(requested_cost("{ orders(first: 1) { nodes { id }", &json!({})).is_err());
        assert!(requested_cost("{ orders(first: 1) { ...Frag } }", &json!({})).is_err());
    }
}
