package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.orgllm.application.KnowledgeDocumentView;
import org.orgllm.application.KnowledgeService;
import org.orgllm.application.NewKnowledgeDocument;
import org.orgllm.application.UseCaseException;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/** The current organization's knowledge documents: upload {@code .txt} / {@code .md}, list, delete. */
@Named
@ViewScoped
public class AdminKnowledgeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    KnowledgeService knowledge;

    @Inject
    OrganizationSwitcher switcher;

    private List<KnowledgeDocumentView> documents;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        documents = switcher.getCurrent() == null ? List.of() : knowledge.list(switcher.getCurrent());
    }

    /** One uploaded file becomes one document, titled after the file name. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String fileName = file.getFileName();
        String lower = fileName.toLowerCase(Locale.ROOT);
        String mediaType = lower.endsWith(".md") || lower.endsWith(".markdown") ? "text/markdown" : "text/plain";
        try {
            String content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getContent())).toString();
            String title = fileName.replaceFirst("\\.[^.]+$", "");
            knowledge.add(switcher.getCurrent(), new NewKnowledgeDocument(title, mediaType, content));
            Messages.info("Document added", fileName);
            reload();
        } catch (CharacterCodingException e) {
            Messages.error("Not added", fileName + " is not UTF-8 text.");
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Messages.error(fileName, v.getPropertyPath() + " " + v.getMessage()));
        } catch (UseCaseException e) {
            Messages.error("Not added", e.getMessage());
        }
    }

    public void delete(KnowledgeDocumentView document) {
        knowledge.delete(switcher.getCurrent(), document.id());
        Messages.info("Document deleted", document.title());
        reload();
    }

    public List<KnowledgeDocumentView> getDocuments() {
        return documents;
    }
}
