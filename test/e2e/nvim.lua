-- Neovim as an LSP client of dist/server.js, started by the README's snippet (nvim.mjs loads it as
-- init.lua): open a report, receive published diagnostics, edit a total, receive the new ones.
-- Results go to $DR_OUT, one line per step.
local file, out = vim.env.DR_FILE, vim.env.DR_OUT
local results = {}
local v = vim.version()
table.insert(results, string.format('version %d.%d.%d', v.major, v.minor, v.patch))

-- Dynamic registrations the server asks for (it must ask none that the client does not support).
local registrations = 0
local register = vim.lsp.handlers['client/registerCapability']
vim.lsp.handlers['client/registerCapability'] = function(...)
  registrations = registrations + 1
  if register then return register(...) end
  return vim.NIL
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
end
local function summary()
  local t = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(t, (d.lnum + 1) .. ':' .. code(d)) end
  table.sort(t)
  return table.concat(t, ',')
end
local function has(c)
  for _, d in ipairs(vim.diagnostic.get(buf)) do if code(d) == c then return true end end
  return false
end

-- vim.wait runs the event loop until the condition holds (it returns as soon as it does).
local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local clients = vim.tbl_count(vim.lsp.buf_get_clients(buf))
table.insert(results, 'open ' .. tostring(ok) .. ' ' .. summary())

for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:find('(七)总计 | 1 |', 1, true) then
    local changed = l:gsub('%(七%)总计 | 1 |', '(七)总计 | 2 |', 1)
    vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { changed })
    break
  end
end
ok = vim.wait(30000, function() return has('table3.balance') end, 20)
table.insert(results, 'edit ' .. tostring(ok) .. ' ' .. summary())
table.insert(results, 'clients ' .. clients .. ' registrations ' .. registrations)

vim.fn.writefile(results, out)
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.cmd('qa!')
