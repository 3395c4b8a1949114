//! Latency of `quotetrack serve`'s pages, and how it holds under many
//! concurrent requests: a bounded local load generator.
//!
//!     quotetrack --db big.db serve --port 8080 &
//!     cargo run --release --example serve_latency -- http://127.0.0.1:8080 PATH...
//!
//! Each PATH (e.g. `/statements/12`, `/?q=harbor+families`) is fetched 20
//! times one after another (after one warm-up request) and its median and
//! slowest times printed; then `--clients N` threads (default 200) fetch
//! the paths round-robin, `--requests M` each (default 10), and the total
//! time and the slowest answer are printed. The server's memory is for the
//! caller to watch (e.g. `ps -o rss` before and after).

use std::time::{Duration, Instant};

fn fetch(agent: &ureq::Agent, url: &str) -> (u16, Duration) {
    let start = Instant::now();
    let status = match agent.get(url).call() {
        Ok(mut r) => {
            let _ = r.body_mut().read_to_vec();
            r.status().as_u16()
        }
        Err(_) => 0,
    };
    (status, start.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |flag: &str, default: usize| -> usize {
        match args.iter().position(|a| a == flag) {
            Some(i) if i + 1 < args.len() => {
                let v = args.remove(i + 1);
                args.remove(i);
                v.parse().expect("a number")
            }
            _ => default,
        }
    };
    let clients = take("--clients", 200);
    let requests = take("--requests", 10);
    let Some((base, paths)) = args.split_first() else {
        eprintln!("usage: serve_latency BASE_URL PATH... [--clients N] [--requests M]");
        std::process::exit(2);
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    for path in paths {
        let url = format!("{base}{path}");
        let (status, _) = fetch(&agent, &url);
        let mut times: Vec<Duration> = (0..20).map(|_| fetch(&agent, &url).1).collect();
        times.sort();
        println!(
            "{path}: status {status}, median {}, slowest {}",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let urls: Vec<String> = paths.iter().map(|p| format!("{base}{p}")).collect();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let mut worst = Duration::ZERO;
                let mut failed = 0;
                for i in 0..requests {
                    let (status, t) = fetch(&agent, &urls[(c + i) % urls.len()]);
                    worst = worst.max(t);
                    failed += usize::from(status != 200);
                }
                (worst, failed)
            })
        })
        .collect();
    let mut worst = Duration::ZERO;
    let mut failed = 0;
    for t in threads {
        let (w, f) = t.join().expect("a client thread");
        worst = worst.max(w);
        failed += f;
    }
    let total = clients * requests;
    let elapsed = start.elapsed();
    println!(
        "{clients} clients x {requests} requests: {total} in {}, {:.0} requests/s, slowest {}, {failed} not 200",
        ms(elapsed),
        total as f64 / elapsed.as_secs_f64(),
        ms(worst)
    );
}
