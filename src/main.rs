//! The `tandem` binary: parses the command line and hands over to the library.

use clap::Parser;

/// mimalloc rather than the system allocator: see `Cargo.toml`. The load benchmark uses the same.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tandem::app::init_tracing();
    let cli = tandem::cli::Cli::parse();
    match tandem::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
