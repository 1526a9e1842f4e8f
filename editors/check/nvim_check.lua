-- Driven by nvim.sh: `nvim --headless -u <README's init.lua> orders.sql`, then this file.
-- Waits for ddl-lsp to attach and publish diagnostics, then asks what a user asks (completion
-- at an option key in WITH, hover on a key, the quick fix, applied) and prints what came back.
-- Exits 0 when every step got what it should, 1 otherwise (the failures are printed).

local failures = 0
local function say(fmt, ...)
  io.stdout:write(string.format(fmt, ...) .. "\n")
end
local function check(ok, what)
  say("%s %s", ok and "ok  " or "FAIL", what)
  if not ok then
    failures = failures + 1
  end
  return ok
end
local function finish()
  say(failures == 0 and "nvim check: all passed" or ("nvim check: %d failed"):format(failures))
  vim.cmd(failures == 0 and "qall!" or "cquit! 1")
end

local buf = vim.api.nvim_get_current_buf()
say("nvim %s, file %s, filetype %s", tostring(vim.version()), vim.fn.expand("%:t"), vim.bo.filetype)

-- 1. The client attaches (the README's FileType autocmd started it).
local client
vim.wait(10000, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = "ddl-lsp" })[1]
  return client ~= nil and client.initialized
end, 50)
if not check(client ~= nil, "client `ddl-lsp` attached") then
  return finish()
end
say("     server cmd: %s", table.concat(client.config.cmd, " "))
check(vim.bo[buf].omnifunc == "v:lua.vim.lsp.omnifunc", "omnifunc is the LSP's (CTRL-X CTRL-O), got " .. vim.bo[buf].omnifunc)

-- 2. Diagnostics.
vim.wait(10000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
local diags = vim.diagnostic.get(buf)
for _, d in ipairs(diags) do
  say("     diagnostic %d:%d-%d [%s] %s", d.lnum + 1, d.col + 1, d.end_col + 1, tostring(d.code), d.message:gsub("\n", " / "))
end
local typo
for _, d in ipairs(diags) do
  if d.code == "option::unknown" then
    typo = d
  end
end
check(typo ~= nil and typo.lnum == 7 and typo.col == 4, "option::unknown at line 8, column 5 ('source.offst')")

-- The README's keys: `]d` goes to the diagnostic, `K` hovers (Neovim 0.10's defaults).
vim.api.nvim_win_set_cursor(0, { 1, 0 })
vim.cmd("normal ]d")
local cursor = vim.api.nvim_win_get_cursor(0)
check(cursor[1] == 8 and cursor[2] == 4, ("]d moves to the diagnostic (now at %d:%d)"):format(cursor[1], cursor[2] + 1))
check(vim.diagnostic.config().virtual_text ~= false, "diagnostics as virtual text")
vim.api.nvim_win_set_cursor(0, { 7, 6 })
vim.cmd("normal K")
local float
vim.wait(5000, function()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      float = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), " / ")
    end
  end
  return float ~= nil
end, 50)
say("     K on `topic` opens: %s", float or "nothing")
check(float ~= nil and float:find("The topic to read from", 1, true) ~= nil, "K shows the hover")
vim.cmd("fclose!")

local function at(line, col) -- 1-based line, 0-based byte column, as nvim_win_set_cursor
  vim.api.nvim_win_set_cursor(0, { line, col })
  return vim.lsp.util.make_position_params(0, client.offset_encoding)
end

-- 3. Completion at an option-key position: a new line in WITH, after `topic = 'orders',`.
vim.api.nvim_buf_set_lines(buf, 7, 7, true, { "    so" })
local params = at(8, 6)
local res = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 5000) or {}
local labels = {}
for _, r in pairs(res) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
end
say("     completion at `    so|` (%d items): %s", #labels, table.concat(labels, ", ", 1, math.min(#labels, 12)))
check(vim.tbl_contains(labels, "source.offset"), "completion offers source.offset")
check(not vim.tbl_contains(labels, "sink.commit_mode"), "completion offers no sink.* key on a source")
vim.api.nvim_buf_set_lines(buf, 7, 8, true, {}) -- undo the line (another didChange)

-- 4. Hover on the key `topic` (line 7).
res = vim.lsp.buf_request_sync(buf, "textDocument/hover", at(7, 6), 5000) or {}
local hover
for _, r in pairs(res) do
  if r.result and r.result.contents then
    hover = r.result.contents.value or vim.inspect(r.result.contents)
  end
end
say("     hover on `topic`: %s", hover and hover:gsub("\n", " / ") or "nil")
check(hover ~= nil and hover:find("topic", 1, true) ~= nil, "hover describes `topic`")

-- 5. The quick fix, applied as a user does (`vim.lsp.buf.code_action`, cursor on the typo).
vim.wait(5000, function()
  return #vim.diagnostic.get(buf, { lnum = 7 }) > 0
end, 50)
at(8, 6)
local ctx = { diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(buf, { lnum = 7 })) do
  table.insert(ctx.diagnostics, d.user_data and d.user_data.lsp or nil)
end
params = vim.lsp.util.make_range_params(0, client.offset_encoding)
params.context = ctx
res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000) or {}
for _, r in pairs(res) do
  for _, a in ipairs(r.result or {}) do
    say("     code action: [%s] %s%s", a.kind or "", a.title, a.isPreferred and " (preferred)" or "")
  end
end
vim.lsp.buf.code_action({
  apply = true,
  filter = function(a)
    return a.kind == "quickfix" and a.isPreferred
  end,
})
vim.wait(5000, function()
  return vim.api.nvim_buf_get_lines(buf, 7, 8, true)[1]:find("source.offset", 1, true) ~= nil
end, 50)
local fixed = vim.api.nvim_buf_get_lines(buf, 7, 8, true)[1]
say("     line 8 after the fix: %s", fixed)
check(fixed:find("'source.offset'", 1, true) ~= nil, "quick fix applied")
vim.wait(5000, function()
  return #vim.diagnostic.get(buf) == 0
end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say("     left: %d:%d [%s] %s", d.lnum + 1, d.col + 1, tostring(d.code), d.message:gsub("\n", " / "))
end
check(#vim.diagnostic.get(buf) == 0, "no diagnostics left after the fix")

finish()
