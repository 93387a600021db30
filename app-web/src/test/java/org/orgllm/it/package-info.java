/**
 * Integration-test harness: boots the real WAR on Payara Micro once per test run against a fresh
 * PostgreSQL database, and drives it over HTTP and through headless Chromium.
 */
package org.orgllm.it;
