;;; probe.el --- the README's Eglot setup, run in batch Emacs against the built server  -*- lexical-binding: t; -*-
;; Environment: SDG_FILE (a document), SDG_BIN_DIR (a folder with an `sd-glossary-lsp` on PATH),
;; SDG_OUT (where to write the JSON result). Asks for a hover and a completion.
(require 'eglot)
(require 'json)

;; The README's configuration, verbatim.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode text-mode conf-toml-mode yaml-mode json-mode)
                 . ("sd-glossary-lsp" "--stdio"))))

(setq exec-path (cons (getenv "SDG_BIN_DIR") exec-path))
(setenv "PATH" (concat (getenv "SDG_BIN_DIR") ":" (getenv "PATH")))
(defun sdg-position (line character) (list :line line :character character))
(let ((file (getenv "SDG_FILE")) result)
  (condition-case err
      (progn
        (find-file file)
        (text-mode)
        ;; `eglot-ensure' waits for a command loop that batch mode lacks; connect directly.
        (apply #'eglot (eglot--guess-contact))
        (let* ((server (eglot-current-server))
               (doc (list :uri (eglot--path-to-uri file)))
               (hover (jsonrpc-request server :textDocument/hover
                                       (list :textDocument doc :position (sdg-position 0 12))))
               (completion (jsonrpc-request server :textDocument/completion
                                            (list :textDocument doc :position (sdg-position 1 2)))))
          (setq result (list :hover (plist-get (plist-get hover :contents) :value)
                             :completion (plist-get (aref (plist-get completion :items) 0) :label)))))
    (error (setq result (list :error (format "%S" err)))))
  (with-temp-file (getenv "SDG_OUT") (insert (json-encode result)))
  (kill-emacs 0))
