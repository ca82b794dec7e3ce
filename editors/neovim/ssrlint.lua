-- ssrlint's language server in Neovim. Pick the block for your setup.

-- Neovim 0.11 and later, no plugin:
vim.lsp.config("ssrlint", {
  cmd = { "ssrlint", "lsp" },
  filetypes = { "typescript", "typescriptreact", "javascript", "javascriptreact" },
  root_markers = { "package.json", "pnpm-workspace.yaml", ".git" },
})
vim.lsp.enable("ssrlint")

-- With nvim-lspconfig (older Neovim), instead of the block above:
--
-- local configs = require("lspconfig.configs")
-- if not configs.ssrlint then
--   configs.ssrlint = {
--     default_config = {
--       cmd = { "ssrlint", "lsp" },
--       filetypes = { "typescript", "typescriptreact", "javascript", "javascriptreact" },
--       root_dir = require("lspconfig.util").root_pattern("package.json", "pnpm-workspace.yaml", ".git"),
--       single_file_support = false,
--     },
--   }
-- end
-- require("lspconfig").ssrlint.setup({})
--
-- Neovim 0.8 to 0.10 without lspconfig (the end-to-end test does the same on 0.7):
--
-- vim.api.nvim_create_autocmd("FileType", {
--   pattern = { "typescript", "typescriptreact", "javascript", "javascriptreact" },
--   callback = function(args)
--     local root = vim.fs and vim.fs.dirname(vim.fs.find({ "package.json" }, { upward = true, path = vim.api.nvim_buf_get_name(args.buf) })[1]) or vim.fn.getcwd()
--     local id = vim.lsp.start_client({ name = "ssrlint", cmd = { "ssrlint", "lsp" }, root_dir = root })
--     vim.lsp.buf_attach_client(args.buf, id)
--   end,
-- })
