//! `[[delivery.route]] next_hop`: a host and port that bypass MX lookup.

/// A configured next hop: `host`, `host:port`, `[host]:port`, `[::1]:25`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextHop {
    pub host: String,
    pub port: u16,
}

impl NextHop {
    pub fn parse(s: &str, default_port: u16) -> Result<NextHop, String> {
        let s = s.trim();
        let (host, port) = if let Some(rest) = s.strip_prefix('[') {
            let (h, after) = rest.split_once(']').ok_or("unclosed [")?;
            let port = match after.strip_prefix(':') {
                Some(p) => p.parse().map_err(|_| "bad port")?,
                None if after.is_empty() => default_port,
                None => return Err("junk after ]".into()),
            };
            (h.to_string(), port)
        } else {
            match s.rsplit_once(':') {
                Some((h, p)) if !h.contains(':') => {
                    (h.to_string(), p.parse().map_err(|_| "bad port")?)
                }
                _ => (s.to_string(), default_port),
            }
        };
        let ok = host.parse::<std::net::IpAddr>().is_ok() || super::address::is_valid_domain(&host);
        if !ok || port == 0 {
            return Err(format!("`{s}` is not host:port"));
        }
        Ok(NextHop { host, port })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_hop_forms() {
        assert_eq!(
            NextHop::parse("127.0.0.1:2626", 25),
            Ok(NextHop {
                host: "127.0.0.1".into(),
                port: 2626
            })
        );
        assert_eq!(
            NextHop::parse("mx.example.org", 25),
            Ok(NextHop {
                host: "mx.example.org".into(),
                port: 25
            })
        );
        assert_eq!(
            NextHop::parse("[mx.example.org]:587", 25),
            Ok(NextHop {
                host: "mx.example.org".into(),
                port: 587
            })
        );
        assert_eq!(
            NextHop::parse("[::1]:2525", 25),
            Ok(NextHop {
                host: "::1".into(),
                port: 2525
            })
        );
        assert!(NextHop::parse("bad host:25", 25).is_err());
        assert!(NextHop::parse("h:0", 25).is_err());
    }
}
