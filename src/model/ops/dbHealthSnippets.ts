// "Add a db-health endpoint..." (runbook 6.3): the handler the runbook shows for FastAPI,
// written for the service's runtime as apprunner.yaml names it, answering the runbook's shape:
// {"status": "healthy", "database": "connected"}, else {"status": "unhealthy", "error": "..."}. Each one
// reads DATABASE_URL (as the runbook's app does) and runs SELECT 1. Pure: text in, text out.

export type SnippetFamily = 'python' | 'node' | 'go' | 'java';

export interface DbHealthSnippet {
  family: SnippetFamily;
  /** What the handler is written with, for the pick list ("FastAPI", "Express", ...). */
  framework: string;
  /** A workspace-relative file name the snippet is saved as (runbook: backend/app/routers/health.py). */
  fileName: string;
  /** VS Code language id of the new document. */
  languageId: string;
  content: string;
}

export const SNIPPET_FAMILIES: readonly SnippetFamily[] = ['python', 'node', 'go', 'java'];

/** The snippet family for an apprunner.yaml `runtime:` value (python3, python311, nodejs18, go1, corretto11, ...). */
export function snippetFamilyForRuntime(runtime: string | undefined): SnippetFamily | undefined {
  const r = (runtime ?? '').toLowerCase();
  if (r.startsWith('python')) return 'python';
  if (r.startsWith('nodejs') || r.startsWith('node')) return 'node';
  if (r.startsWith('go')) return 'go';
  if (r.startsWith('corretto') || r.startsWith('java')) return 'java';
  return undefined;
}

/** A path safe to put inside a string literal of every language below (the setting is user input). */
function safePath(path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return /^\/[A-Za-z0-9._~/-]*$/.test(p) ? p : '/api/v1/db-health';
}

function python(path: string): string {
  return `# The runbook's /db-health handler (section 6.3) for FastAPI. Save as backend/app/routers/health.py (or add
# the function to the router you have) and include it: app.include_router(router).
# The path is the full one App Runner's setup checks; drop the prefix if this router is mounted under one.
# PostgreSQL through asyncpg (pip install asyncpg); for MySQL use aiomysql the same way.
import logging
import os

import asyncpg
from fastapi import APIRouter

router = APIRouter()


@router.get("${path}")
async def db_health():
    try:
        conn = await asyncpg.connect(os.environ["DATABASE_URL"], timeout=5)
        try:
            await conn.fetchval("SELECT 1")
        finally:
            await conn.close()
        return {"status": "healthy", "database": "connected"}
    except Exception:
        # The endpoint answers anyone: the reason goes to the log, the answer is fixed text (a driver's
        # message can carry the host, the user or part of the URL).
        logging.getLogger(__name__).exception("db-health check failed")
        return {"status": "unhealthy", "error": "database check failed"}
`;
}

function node(path: string): string {
  return `// The runbook's /db-health handler (section 6.3) for Express. Mount it: app.use(require('./dbHealth'));
// PostgreSQL through pg (npm install pg); for MySQL use mysql2 the same way.
'use strict';

const express = require('express');
const { Pool } = require('pg');

const router = express.Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000, max: 2 });

router.get('${path}', async (_req, res) => {
  try {
    await pool.query('SELECT 1');
    res.json({ status: 'healthy', database: 'connected' });
  } catch (e) {
    // The endpoint answers anyone: the reason goes to the log, the answer is fixed text.
    console.error('db-health check failed', e);
    res.json({ status: 'unhealthy', error: 'database check failed' });
  }
});

module.exports = router;
`;
}

function go(path: string): string {
  return `// The runbook's /db-health handler (section 6.3) for net/http. Register it in main:
// http.HandleFunc("${path}", dbHealth(db)) where db is your *sql.DB opened from DATABASE_URL.
// PostgreSQL through github.com/jackc/pgx/v5/stdlib (sql.Open("pgx", os.Getenv("DATABASE_URL"))).
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"time"
)

func dbHealth(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		var one int
		if err := db.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
			// The endpoint answers anyone: the reason goes to the log, the answer is fixed text.
			log.Printf("db-health check failed: %v", err)
			_ = json.NewEncoder(w).Encode(map[string]string{"status": "unhealthy", "error": "database check failed"})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "healthy", "database": "connected"})
	}
}
`;
}

function java(path: string): string {
  return `// The runbook's /db-health handler (section 6.3) for Spring Boot (spring-boot-starter-web and -jdbc; the
// DataSource comes from spring.datasource.url, set it from DATABASE_URL as a jdbc:postgresql:// URL).
package com.example.health;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DbHealthController {
    private final JdbcTemplate jdbc;

    public DbHealthController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("${path}")
    public Map<String, String> dbHealth() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return Map.of("status", "healthy", "database", "connected");
        } catch (Exception e) {
            // The endpoint answers anyone: the reason goes to the log, the answer is fixed text.
            System.err.println("db-health check failed: " + e);
            return Map.of("status", "unhealthy", "error", "database check failed");
        }
    }
}
`;
}

export function dbHealthSnippet(family: SnippetFamily, dbHealthPath: string): DbHealthSnippet {
  const path = safePath(dbHealthPath);
  switch (family) {
    case 'python':
      return {
        family,
        framework: 'FastAPI',
        fileName: 'backend/app/routers/health.py',
        languageId: 'python',
        content: python(path),
      };
    case 'node':
      return { family, framework: 'Express', fileName: 'dbHealth.js', languageId: 'javascript', content: node(path) };
    case 'go':
      return { family, framework: 'net/http', fileName: 'dbhealth.go', languageId: 'go', content: go(path) };
    case 'java':
      return {
        family,
        framework: 'Spring',
        fileName: 'src/main/java/com/example/health/DbHealthController.java',
        languageId: 'java',
        content: java(path),
      };
  }
}

/**
 * The top-level `runtime:` of an apprunner.yaml text (python311, nodejs18, ...), without loading the YAML
 * support bundle: the key is a plain scalar at column 0 in every valid file (App Runner's schema).
 */
export function runtimeOfApprunnerYaml(text: string): string | undefined {
  const match = /^runtime:[ \t]*["']?([A-Za-z0-9.]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return match?.[1];
}

/** What Diagnose offers when the DB health path answered 404: the snippet for the runtime, when there is one. */
export function dbHealthOffer(
  runtime: string | undefined,
  dbHealthPath: string,
): { framework: string; fileName: string; runtime?: string } | undefined {
  const family = snippetFamilyForRuntime(runtime);
  if (!family) return undefined;
  const { framework, fileName } = dbHealthSnippet(family, dbHealthPath);
  return { framework, fileName, runtime };
}
