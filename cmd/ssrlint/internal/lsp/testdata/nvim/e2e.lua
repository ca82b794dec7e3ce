-- End-to-end check with Neovim's built-in LSP client (0.7 and later):
-- attach `ssrlint lsp` to a fixture app, edit buffers without saving, and
-- record the diagnostics Neovim holds at each step. The Go test
-- (TestNeovim) starts this headless and asserts on the JSON it writes.
local bin = os.getenv("SSRLINT_BIN")
local root = os.getenv("SSRLINT_FIXTURE")
local out = os.getenv("SSRLINT_OUT")
local result = { steps = {} }

local function finish(err)
  if err then
    result.error = err
  end
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local function snapshot(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      message = d.message,
      code = d.code or lsp.code,
      related = lsp.relatedInformation and #lsp.relatedInformation or 0,
    })
  end
  return list
end

-- wait_for waits (up to a minute: a bound, not a speed check) until pred
-- holds for the buffer's diagnostics, then records them as step name.
local function wait_for(name, bufnr, pred)
  local ok = vim.wait(60000, function()
    return pred(vim.diagnostic.get(bufnr))
  end, 20)
  table.insert(result.steps, { name = name, ok = ok, diagnostics = snapshot(bufnr) })
  return ok
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/app/rooms/page.tsx"))
  local rooms = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "ssrlint",
    cmd = { bin, "lsp" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "web" } },
  })
  assert(client_id, "could not start ssrlint lsp")
  vim.lsp.buf_attach_client(rooms, client_id)

  -- Introduce a bug without saving: non-ASCII text before the import.
  vim.api.nvim_buf_set_lines(rooms, 0, 0, false, { '/* 📞 café */ import { SignalWire } from "@signalwire/js";' })
  vim.api.nvim_buf_set_lines(rooms, -2, -1, false, { "  return <h1>{String(SignalWire)}</h1>;" })
  wait_for("bug", rooms, function(d) return #d > 0 end)

  -- Fix it: remove the import again.
  vim.api.nvim_buf_set_lines(rooms, 0, 1, false, {})
  vim.api.nvim_buf_set_lines(rooms, -2, -1, false, { "  return <h1>Rooms</h1>;" })
  wait_for("fixed", rooms, function(d) return #d == 0 end)

  -- Cross-file: removing "use client" from room.tsx makes lib/sw.ts, which
  -- is not open, import the SDK on the server.
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/app/_components/room.tsx"))
  local room = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(room, client_id)
  vim.api.nvim_buf_set_lines(room, 0, 1, false, {})
  local sw = vim.uri_to_bufnr(vim.uri_from_fname(root .. "/lib/sw.ts"))
  wait_for("cross-file", sw, function(d) return #d > 0 end)
  vim.api.nvim_buf_set_lines(room, 0, 0, false, { '"use client";' })
  wait_for("cross-file cleared", sw, function(d) return #d == 0 end)

  local client = vim.lsp.get_client_by_id(client_id)
  client.stop()
  result.stopped = vim.wait(10000, function() return client.is_stopped() end, 20)
end)
finish(not ok and tostring(err) or nil)
