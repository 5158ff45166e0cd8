//! Which clients count as one for limits and throttles.
//!
//! An IPv4 address is one client. An IPv6 client usually holds a whole /64
//! (RFC 4291 hands out interface identifiers freely), so counting single
//! IPv6 addresses would let one host take every slot: it is counted per /64.

use std::net::{IpAddr, Ipv6Addr};

/// The key a limit counts `ip` under: the IPv4 address (also when it comes
/// IPv4-mapped), or the IPv6 /64.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & (u128::MAX << 64);
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_counts_per_64() {
        let a = limit_key("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = limit_key("2001:db8:1:2:bbbb::9".parse().unwrap());
        let c = limit_key("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(
            limit_key("::ffff:192.0.2.7".parse().unwrap()),
            limit_key("192.0.2.7".parse().unwrap())
        );
    }
}
