/* The portal's small scripts: reading a generation's stream, copying results. */
window.OrgLlm = {
    source: null,

    /** Opens the stream named in #stream-holder and writes its text into #stream-text as it arrives. */
    stream: function (contextPath) {
        var holder = document.getElementById('stream-holder');
        var id = holder ? holder.getAttribute('data-stream-id') : null;
        if (!id) {
            return;
        }
        var out = document.getElementById('stream-text');
        var status = document.getElementById('stream-status');
        out.textContent = '';
        status.textContent = 'Generating…';
        OrgLlm.running(true);
        if (OrgLlm.source) {
            OrgLlm.source.close();
        }
        var source = new EventSource(contextPath + '/api/v1/portal/streams/' + encodeURIComponent(id));
        OrgLlm.source = source;
        source.addEventListener('delta', function (e) {
            out.textContent += JSON.parse(e.data).text;
            out.scrollTop = out.scrollHeight;
        });
        source.addEventListener('result', function (e) {
            source.close();
            OrgLlm.running(false);
            var data = JSON.parse(e.data);
            status.textContent = 'Done' + (data.completion_tokens !== undefined
                ? ' · ' + data.completion_tokens + ' tokens in ' + data.total_ms + ' ms' : '') + '.';
            status.setAttribute('data-generation-id', data.generation_id);
            showResult([{name: 'generation_id', value: data.generation_id}]);
        });
        source.addEventListener('error', function (e) {
            source.close();
            OrgLlm.running(false);
            var detail = 'The stream was interrupted.';
            if (e.data) {
                var problem = JSON.parse(e.data);
                detail = (problem.title || 'Error') + (problem.detail ? ': ' + problem.detail : '');
            }
            status.textContent = detail;
        });
    },

    running: function (on) {
        var cancel = document.getElementById('workspace-form:cancel');
        var generate = document.getElementById('workspace-form:generate');
        if (cancel) {
            cancel.style.display = on ? '' : 'none';
        }
        if (generate) {
            generate.disabled = on;
            generate.classList.toggle('ui-state-disabled', on);
        }
    },

    /** Copies a text area's value; falls back to selecting it where the clipboard API is not offered. */
    copy: function (id) {
        var area = document.getElementById(id);
        if (!area) {
            return;
        }
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(area.value).catch(function () { });
        } else {
            area.classList.remove('ol-hidden');
            area.select();
            document.execCommand('copy');
            area.classList.add('ol-hidden');
        }
    }
};
