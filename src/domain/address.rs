//! Which network addresses an outgoing request may reach: the ranges that are never the
//! public internet (loopback, private, link-local, documentation and the like, also when an
//! IPv6 address carries one of them inside), and the ranges an operator allows on purpose.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use serde::Serialize;

/// Why an address is refused: the special-purpose range it falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// 0.0.0.0/8, ::.
    Unspecified,
    /// 10/8, 172.16/12, 192.168/16.
    Private,
    /// 100.64/10, carrier-grade NAT.
    Shared,
    /// 169.254/16 (the cloud metadata address among them), fe80::/10.
    LinkLocal,
    /// fc00::/7.
    UniqueLocal,
    /// 224/4, ff00::/8.
    Multicast,
    /// 255.255.255.255.
    Broadcast,
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.
    Documentation,
    /// 198.18/15, 2001:2::/48.
    Benchmarking,
    /// What else the IANA registries set apart: 192.0.0/24, 240/4, 100::/64, 2001::/23,
    /// fec0::/10, the local NAT64 prefix, and IPv6 outside the global unicast 2000::/3.
    Reserved,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Loopback => "loopback",
            Self::Unspecified => "unspecified",
            Self::Private => "private",
            Self::Shared => "shared",
            Self::LinkLocal => "link_local",
            Self::UniqueLocal => "unique_local",
            Self::Multicast => "multicast",
            Self::Broadcast => "broadcast",
            Self::Documentation => "documentation",
            Self::Benchmarking => "benchmarking",
            Self::Reserved => "reserved",
        }
    }
}

/// An address range in CIDR notation (`10.20.0.0/16`, `fd12::/64`, or one address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                prefix_bits(u128::from(u32::from(net)), 32, self.prefix)
                    == prefix_bits(u128::from(u32::from(ip)), 32, self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                prefix_bits(u128::from(net), 128, self.prefix)
                    == prefix_bits(u128::from(ip), 128, self.prefix)
            }
            _ => false,
        }
    }
}

/// The top `prefix` bits of a `width`-bit number.
fn prefix_bits(value: u128, width: u32, prefix: u8) -> u128 {
    let prefix = u32::from(prefix).min(width);
    if prefix == 0 {
        0
    } else {
        value >> (width - prefix)
    }
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let (address, prefix) = match raw.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (raw, None),
        };
        let network: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{raw:?} is not an address range (e.g. 10.20.0.0/16)"))?;
        let network = canonical(network);
        let width = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => width,
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= width)
                .ok_or_else(|| format!("{raw:?}: the prefix must be 0 to {width}"))?,
        };
        Ok(Cidr { network, prefix })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// Why `ip` is not on the public internet, or `None` when it is.
pub fn refusal(ip: IpAddr) -> Option<Refusal> {
    match canonical(ip) {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => refusal_v6(v6),
    }
}

fn refusal_v4(ip: Ipv4Addr) -> Option<Refusal> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => Refusal::Unspecified,
        (10, _, _) => Refusal::Private,
        (100, 64..=127, _) => Refusal::Shared,
        (127, _, _) => Refusal::Loopback,
        (169, 254, _) => Refusal::LinkLocal,
        (172, 16..=31, _) => Refusal::Private,
        (192, 0, 0) => Refusal::Reserved,
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => Refusal::Documentation,
        // The former 6to4 relay anycast prefix.
        (192, 88, 99) => Refusal::Reserved,
        (192, 168, _) => Refusal::Private,
        (198, 18..=19, _) => Refusal::Benchmarking,
        (224..=239, _, _) => Refusal::Multicast,
        _ if ip == Ipv4Addr::BROADCAST => Refusal::Broadcast,
        (240..=255, _, _) => Refusal::Reserved,
        _ => return None,
    })
}

fn refusal_v6(ip: Ipv6Addr) -> Option<Refusal> {
    let s = ip.segments();
    let embedded_v4 = |high: u16, low: u16| {
        let [h1, h2] = high.to_be_bytes();
        let [l1, l2] = low.to_be_bytes();
        Ipv4Addr::new(h1, h2, l1, l2)
    };
    if ip.is_unspecified() {
        return Some(Refusal::Unspecified);
    }
    if ip.is_loopback() {
        return Some(Refusal::Loopback);
    }
    // Forms that carry an IPv4 address inside: judged by that address. IPv4-compatible
    // (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
    if s[..6] == [0; 6] {
        return Some(refusal_v4(embedded_v4(s[6], s[7])).unwrap_or(Refusal::Reserved));
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return refusal_v4(embedded_v4(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return refusal_v4(embedded_v4(s[1], s[2]));
    }
    let range = |prefix: u8, network: [u16; 8]| Cidr {
        network: IpAddr::V6(Ipv6Addr::from(network)),
        prefix,
    };
    let table = [
        (
            range(48, [0x64, 0xff9b, 1, 0, 0, 0, 0, 0]),
            Refusal::Reserved,
        ),
        (range(64, [0x100, 0, 0, 0, 0, 0, 0, 0]), Refusal::Reserved),
        (
            range(48, [0x2001, 2, 0, 0, 0, 0, 0, 0]),
            Refusal::Benchmarking,
        ),
        (
            range(32, [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]),
            Refusal::Documentation,
        ),
        (range(23, [0x2001, 0, 0, 0, 0, 0, 0, 0]), Refusal::Reserved),
        (
            range(20, [0x3fff, 0, 0, 0, 0, 0, 0, 0]),
            Refusal::Documentation,
        ),
        (
            range(7, [0xfc00, 0, 0, 0, 0, 0, 0, 0]),
            Refusal::UniqueLocal,
        ),
        (range(10, [0xfe80, 0, 0, 0, 0, 0, 0, 0]), Refusal::LinkLocal),
        (range(10, [0xfec0, 0, 0, 0, 0, 0, 0, 0]), Refusal::Reserved),
        (range(8, [0xff00, 0, 0, 0, 0, 0, 0, 0]), Refusal::Multicast),
    ];
    if let Some((_, why)) = table.iter().find(|(cidr, _)| cidr.contains(IpAddr::V6(ip))) {
        return Some(*why);
    }
    // Outside 2000::/3 nothing is assigned for the public internet (the IETF keeps the rest,
    // e.g. ::ffff:0:0/96 and 0100::/8).
    (s[0] & 0xe000 != 0x2000).then_some(Refusal::Reserved)
}

/// The operator's view: every special range refused unless a range of `allowed` holds the
/// address (an intranet deployment allows its own networks on purpose).
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    pub allowed: Vec<Cidr>,
}

impl AddressPolicy {
    /// `Ok` when a request may go to `ip`, else why not.
    pub fn check(&self, ip: IpAddr) -> Result<(), Refusal> {
        if self.allowed.iter().any(|range| range.contains(ip)) {
            return Ok(());
        }
        refusal(ip).map_or(Ok(()), Err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().expect("an address")
    }

    #[test]
    fn every_special_range_is_refused_for_its_reason() {
        let table = [
            ("127.0.0.1", Refusal::Loopback),
            ("127.255.255.254", Refusal::Loopback),
            ("::1", Refusal::Loopback),
            ("0.0.0.0", Refusal::Unspecified),
            ("0.1.2.3", Refusal::Unspecified),
            ("::", Refusal::Unspecified),
            ("10.0.0.1", Refusal::Private),
            ("172.16.0.1", Refusal::Private),
            ("172.31.255.255", Refusal::Private),
            ("192.168.1.1", Refusal::Private),
            ("100.64.0.1", Refusal::Shared),
            ("100.127.255.254", Refusal::Shared),
            ("169.254.169.254", Refusal::LinkLocal),
            ("fe80::1", Refusal::LinkLocal),
            ("fd00::1", Refusal::UniqueLocal),
            ("fc00::1", Refusal::UniqueLocal),
            ("224.0.0.1", Refusal::Multicast),
            ("239.255.255.250", Refusal::Multicast),
            ("ff02::1", Refusal::Multicast),
            ("255.255.255.255", Refusal::Broadcast),
            ("192.0.2.1", Refusal::Documentation),
            ("198.51.100.7", Refusal::Documentation),
            ("203.0.113.9", Refusal::Documentation),
            ("2001:db8::1", Refusal::Documentation),
            ("3fff::1", Refusal::Documentation),
            ("198.18.0.1", Refusal::Benchmarking),
            ("198.19.255.1", Refusal::Benchmarking),
            ("2001:2::1", Refusal::Benchmarking),
            ("192.0.0.8", Refusal::Reserved),
            ("240.0.0.1", Refusal::Reserved),
            ("100::1", Refusal::Reserved),
            ("2001::1", Refusal::Reserved),
            ("fec0::1", Refusal::Reserved),
            ("64:ff9b:1::1", Refusal::Reserved),
            ("::ffff:0:7f00:1", Refusal::Reserved),
            ("4000::1", Refusal::Reserved),
            // IPv6 forms that carry a refused IPv4 address.
            ("::ffff:127.0.0.1", Refusal::Loopback),
            ("::ffff:169.254.169.254", Refusal::LinkLocal),
            ("::127.0.0.1", Refusal::Loopback),
            ("::10.1.2.3", Refusal::Private),
            ("64:ff9b::7f00:1", Refusal::Loopback),
            ("64:ff9b::a00:1", Refusal::Private),
            ("2002:7f00:1::", Refusal::Loopback),
            ("2002:c0a8:101::1", Refusal::Private),
        ];
        for (address, why) in table {
            assert_eq!(refusal(ip(address)), Some(why), "{address}");
        }
    }

    #[test]
    fn the_public_internet_is_not_refused() {
        for address in [
            "93.184.215.14",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.0.1",
            "172.32.0.1",
            "192.169.0.1",
            "198.17.0.1",
            "198.20.0.1",
            "2a00:1450:4001::200e",
            "2606:4700::1111",
            "::ffff:1.1.1.1",
            "64:ff9b::101:101",
            "2002:101:101::1",
        ] {
            assert_eq!(refusal(ip(address)), None, "{address}");
        }
    }

    #[test]
    fn an_operator_allows_ranges_on_purpose() {
        let policy = AddressPolicy {
            allowed: vec![
                "10.20.0.0/16".parse().expect("range"),
                "127.0.0.2".parse().expect("one address"),
                "fd12:3456::/32".parse().expect("v6 range"),
            ],
        };
        assert_eq!(policy.check(ip("10.20.7.8")), Ok(()));
        assert_eq!(policy.check(ip("10.21.0.1")), Err(Refusal::Private));
        assert_eq!(policy.check(ip("127.0.0.2")), Ok(()));
        assert_eq!(policy.check(ip("::ffff:127.0.0.2")), Ok(()), "mapped form");
        assert_eq!(policy.check(ip("127.0.0.1")), Err(Refusal::Loopback));
        assert_eq!(policy.check(ip("fd12:3456:1::1")), Ok(()));
        assert_eq!(policy.check(ip("fd12:3457::1")), Err(Refusal::UniqueLocal));
        assert_eq!(policy.check(ip("1.1.1.1")), Ok(()));
        assert_eq!(
            AddressPolicy::default().check(ip("10.20.7.8")),
            Err(Refusal::Private)
        );
    }

    #[test]
    fn ranges_are_read_strictly() {
        assert_eq!(
            "10.0.0.0/8".parse::<Cidr>().map(|c| c.to_string()),
            Ok("10.0.0.0/8".to_owned())
        );
        assert!("10.0.0.0/33".parse::<Cidr>().is_err());
        assert!("fd00::/129".parse::<Cidr>().is_err());
        assert!("example.org/24".parse::<Cidr>().is_err());
        assert!("0.0.0.0/0"
            .parse::<Cidr>()
            .is_ok_and(|c| c.contains(ip("8.8.8.8"))));
    }
}
