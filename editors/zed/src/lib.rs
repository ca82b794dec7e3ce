//! Zed starts language servers only through extensions: this one runs
//! `ssrlint lsp` from the PATH of the project.
use zed_extension_api::{self as zed, LanguageServerId, Result, Worktree};

struct Ssrlint;

impl zed::Extension for Ssrlint {
    fn new() -> Self {
        Ssrlint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &Worktree) -> Result<zed::Command> {
        let path = worktree.which("ssrlint").ok_or_else(|| {
            "ssrlint is not on PATH: go install github.com/ssrlint/ssrlint/cmd/ssrlint@latest".to_string()
        })?;
        Ok(zed::Command {
            command: path,
            args: vec!["lsp".to_string()],
            env: Default::default(),
        })
    }
}

zed::register_extension!(Ssrlint);
