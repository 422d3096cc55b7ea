-- Drives the server through Neovim's built-in LSP client (0.7+), headless, the way a user's
-- config does: vim.lsp.start_client, attach to a buffer, ask for a hover and a completion.
-- Input: a JSON spec file named by $SDG_NVIM_SPEC. Output: a JSON result file (spec.out).
local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('SDG_NVIM_SPEC')), '\n'))
local result = { hover = vim.NIL, completion = vim.NIL, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, spec.out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'sd-glossary',
    cmd = spec.cmd,
    root_dir = spec.root,
    init_options = spec.init_options,
  })
  assert(client_id, 'the server did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  vim.bo.filetype = spec.filetype
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local ready = vim.wait(10000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 10)
  assert(ready, 'the server did not initialize within 10 s')
  result.capabilities = vim.lsp.get_client_by_id(client_id).server_capabilities
  local document = { uri = vim.uri_from_bufnr(bufnr) }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = document, position = spec.hover }, 10000)
  result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = document, position = spec.completion, context = { triggerKind = 1 } }, 10000)
  result.completion = completion and completion[client_id] and completion[client_id].result or vim.NIL
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
